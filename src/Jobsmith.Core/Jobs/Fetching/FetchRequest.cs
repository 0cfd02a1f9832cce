using Jobsmith.Core.Jobs.Sources;

namespace Jobsmith.Core.Jobs.Fetching;

/// <summary>
/// One request on behalf of a source. <see cref="IsHtmlPage"/> marks pages meant for people (career pages,
/// guest search pages), for which robots.txt is honoured; documented APIs are fetched as their docs allow.
/// </summary>
public sealed record FetchRequest(Uri Url, SourceDescriptor Source)
{
    public bool IsHtmlPage { get; init; }
    public HttpMethod Method { get; init; } = HttpMethod.Get;
    public string? JsonBody { get; init; }
    public string Accept { get; init; } = "application/json";
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();
}

public sealed record FetchedResponse(Uri FinalUrl, int StatusCode, string? ContentType, string Body);
