using System.Net;
using System.Net.Sockets;
using Jobsmith.Core.Jobs.Fetching;
using MailKit.Net.Imap;
using MailKit.Security;
using Microsoft.Extensions.Options;

namespace Jobsmith.Core.Inbox;

/// <summary>A mailbox server a candidate named that the server may not connect to.</summary>
public sealed class MailboxAddressException(string message) : Exception(message);

/// <summary>
/// Opens a signed-in IMAP connection to a candidate's mailbox (G2). The host is a candidate's input, so it is resolved
/// here and only public addresses are dialled (the job fetcher's <see cref="AddressPolicy"/>): a mailbox form must not
/// become a way to probe the server's own network. The socket is connected to the checked address and handed to
/// MailKit with the host name, so TLS still verifies the name and a second DNS answer cannot swap the address.
/// A server on this machine or network (a mail bridge) is allowed only when <see cref="InboxOptions.AllowLocalMailServers"/>
/// says so; a plain-text connection only to loopback.
/// </summary>
public sealed class ImapConnector(IOptions<InboxOptions> options)
{
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(15);

    public async Task<ImapClient> OpenAsync(string host, int port, string security, string username, string password, CancellationToken cancellationToken)
    {
        var address = await AddressAsync(host, security, cancellationToken);
        var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        var client = new ImapClient { Timeout = 30_000 };
        try
        {
            using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                timeout.CancelAfter(ConnectTimeout);
                try
                {
                    await socket.ConnectAsync(address, port, timeout.Token);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    throw new TimeoutException($"{host}:{port} did not answer within {ConnectTimeout.TotalSeconds:0} seconds.");
                }
            }
            await client.ConnectAsync(socket, host, port, Options(security), cancellationToken);
            await client.AuthenticateAsync(username, password, cancellationToken);
            return client;
        }
        catch
        {
            client.Dispose();
            socket.Dispose();
            throw;
        }
    }

    private async Task<IPAddress> AddressAsync(string host, string security, CancellationToken cancellationToken)
    {
        IPAddress[] addresses;
        try
        {
            addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken);
        }
        catch (SocketException)
        {
            throw new MailboxAddressException($"{host} could not be found; check the server name.");
        }
        var allowLocal = options.Value.AllowLocalMailServers;
        var allowed = addresses.Where(a => allowLocal || AddressPolicy.IsAllowed(a, allowLoopback: false)).ToArray();
        if (allowed.Length == 0) throw new MailboxAddressException($"{host} is a private, local or reserved address; Jobsmith connects only to mail servers on the internet.");
        if (security == ImapSecurity.None && !allowed.All(IPAddress.IsLoopback))
            throw new MailboxAddressException("A connection without encryption is allowed only to a server on this machine; choose SSL or STARTTLS.");
        return allowed[0];
    }

    private static SecureSocketOptions Options(string security) => security switch
    {
        ImapSecurity.Ssl => SecureSocketOptions.SslOnConnect,
        ImapSecurity.StartTls => SecureSocketOptions.StartTls,
        _ => SecureSocketOptions.None,
    };
}
