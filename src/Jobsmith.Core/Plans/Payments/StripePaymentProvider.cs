using Microsoft.Extensions.Options;
using Stripe;
using Stripe.Checkout;
using StripeSubscriptions = Stripe.SubscriptionService;

namespace Jobsmith.Core.Plans.Payments;

/// <summary>
/// Payments through Stripe (Stripe.net): an upgrade from the default plan is a Checkout Session in subscription
/// mode (the candidate pays on Stripe's page); a change between paid plans swaps the subscription's price; cancel
/// sets cancel_at_period_end. Webhooks are verified by Stripe.net against the endpoint secret and the
/// tolerance window. The API address comes from configuration so tests talk to a loopback stand-in.
/// </summary>
public sealed class StripePaymentProvider : IPaymentProvider, IDisposable
{
    public const string ProviderName = "stripe";
    public const string UserKey = "jobsmith_user";
    public const string PlanKey = "jobsmith_plan";

    private static readonly HashSet<string> EndedStatuses = ["canceled", "incomplete_expired", "unpaid", "paused"];

    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private readonly StripeClient _client;
    private readonly StripeSettings _settings;
    private readonly PlanCatalog _catalog;
    private readonly TimeSpan _tolerance;
    private readonly TimeProvider _clock;

    public StripePaymentProvider(IOptions<PlansOptions> options, PlanCatalog catalog, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        _settings = options.Value.Stripe;
        _catalog = catalog;
        _clock = clock;
        _tolerance = TimeSpan.FromSeconds(options.Value.WebhookToleranceSeconds);
        _client = new StripeClient(apiKey: _settings.SecretKey, httpClient: new SystemNetHttpClient(_http),
            apiBase: _settings.ApiBase.GetLeftPart(UriPartial.Path).TrimEnd('/'));
    }

    public string Name => ProviderName;

    public async Task<ProviderOutcome> StartUpgradeAsync(UpgradeRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var price = request.Plan.StripePriceId
            ?? throw new PlanChangeException($"The {request.Plan.Name} plan cannot be bought online yet: it has no price configured.");
        var metadata = new Dictionary<string, string> { [UserKey] = request.UserId, [PlanKey] = request.Plan.Id };

        if (request.Current is { Provider: ProviderName, ProviderSubscriptionId: { } subscriptionId })
        {
            // Already paying: move the existing subscription to the new price rather than starting a second one.
            var subscriptions = new StripeSubscriptions(_client);
            var current = await Call(() => subscriptions.GetAsync(subscriptionId, cancellationToken: cancellationToken));
            var item = current.Items?.Data?.FirstOrDefault() ?? throw new PlanChangeException("The subscription at Stripe has no item to change.");
            var updated = await Call(() => subscriptions.UpdateAsync(subscriptionId, new SubscriptionUpdateOptions
            {
                Items = [new SubscriptionItemOptions { Id = item.Id, Price = price }],
                CancelAtPeriodEnd = false,
                ProrationBehavior = "create_prorations",
                Metadata = metadata,
            }, cancellationToken: cancellationToken));
            return new ProviderOutcome(Confirmed: FromSubscription(null, "api.subscription.updated", Now, updated, request.UserId));
        }

        var session = await Call(() => new SessionService(_client).CreateAsync(new SessionCreateOptions
        {
            Mode = "subscription",
            LineItems = [new SessionLineItemOptions { Price = price, Quantity = 1 }],
            ClientReferenceId = request.UserId,
            CustomerEmail = request.Email,
            SuccessUrl = WithQuery(request.ReturnUrl, "checkout=done"),
            CancelUrl = WithQuery(request.ReturnUrl, "checkout=cancelled"),
            Metadata = metadata,
            SubscriptionData = new SessionSubscriptionDataOptions { Metadata = metadata },
        }, cancellationToken: cancellationToken));
        // The candidate is sent to this address: only an https page (or the loopback stand-in of the tests) will do.
        if (!Uri.TryCreate(session.Url, UriKind.Absolute, out var url) || !(url.Scheme == Uri.UriSchemeHttps || url.IsLoopback))
            throw new PlanChangeException("Stripe did not return a checkout page.");
        return new ProviderOutcome(RedirectTo: url);
    }

    public async Task<ProviderOutcome> CancelAtPeriodEndAsync(Subscription current, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(current);
        if (current.ProviderSubscriptionId is not { } id) throw new PlanChangeException("There is no Stripe subscription to cancel.");
        var updated = await Call(() => new StripeSubscriptions(_client).UpdateAsync(id, new SubscriptionUpdateOptions { CancelAtPeriodEnd = true }, cancellationToken: cancellationToken));
        return new ProviderOutcome(Confirmed: FromSubscription(null, "api.subscription.updated", Now, updated, current.UserId));
    }

    public async Task<PaymentEvent> ReadWebhookAsync(string payload, string? signatureHeader, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(_settings.WebhookSecret)) throw new WebhookRejectedException("No webhook secret is configured.");
        Event stripeEvent;
        try
        {
            stripeEvent = EventUtility.ConstructEvent(payload, signatureHeader ?? "", _settings.WebhookSecret,
                (long)_tolerance.TotalSeconds, _clock.GetUtcNow().ToUnixTimeSeconds(), throwOnApiVersionMismatch: false);
        }
        catch (StripeException ex)
        {
            throw new WebhookRejectedException(ex.Message);
        }
        catch (Newtonsoft.Json.JsonException)
        {
            throw new WebhookRejectedException("The webhook body is not an event.");
        }

        var created = stripeEvent.Created.ToUniversalTime();
        switch (stripeEvent.Data?.Object)
        {
            case Session session when stripeEvent.Type == EventTypes.CheckoutSessionCompleted && session.Mode == "subscription" && session.SubscriptionId is { } subscriptionId:
                // The session names the candidate and the subscription; the subscription has the period and status.
                var paid = await Call(() => new StripeSubscriptions(_client).GetAsync(subscriptionId, cancellationToken: cancellationToken));
                return FromSubscription(stripeEvent.Id, stripeEvent.Type, created, paid, session.ClientReferenceId);
            case Stripe.Subscription subscription when stripeEvent.Type is EventTypes.CustomerSubscriptionCreated or EventTypes.CustomerSubscriptionUpdated or EventTypes.CustomerSubscriptionDeleted:
                return FromSubscription(stripeEvent.Id, stripeEvent.Type, created, subscription, null);
            default:
                return new PaymentEvent(stripeEvent.Id, stripeEvent.Type, created, PaymentEventKind.Ignored);
        }
    }

    private PaymentEvent FromSubscription(string? eventId, string type, DateTime created, Stripe.Subscription subscription, string? userId)
    {
        var item = subscription.Items?.Data?.FirstOrDefault();
        var plan = _catalog.FindByStripePrice(item?.Price?.Id)?.Id ?? subscription.Metadata?.GetValueOrDefault(PlanKey);
        var ended = type == EventTypes.CustomerSubscriptionDeleted || EndedStatuses.Contains(subscription.Status);
        return new PaymentEvent(eventId, type, created, ended ? PaymentEventKind.Ended : PaymentEventKind.Changed,
            UserId: userId ?? subscription.Metadata?.GetValueOrDefault(UserKey),
            PlanId: plan,
            CustomerId: subscription.CustomerId,
            SubscriptionId: subscription.Id,
            Status: subscription.Status,
            PeriodStart: item?.CurrentPeriodStart.ToUniversalTime(),
            PeriodEnd: item?.CurrentPeriodEnd.ToUniversalTime(),
            CancelAtPeriodEnd: subscription.CancelAtPeriodEnd);
    }

    private DateTime Now => _clock.GetUtcNow().UtcDateTime;

    private static string WithQuery(Uri url, string query) => new UriBuilder(url) { Query = query }.Uri.ToString();

    // Stripe's own messages can name request ids but never the key; they are safe to show and log.
    private static async Task<T> Call<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (StripeException ex)
        {
            throw new PlanChangeException($"Stripe refused the request: {ex.StripeError?.Message ?? ex.Message}");
        }
    }

    public void Dispose() => _http.Dispose();
}
