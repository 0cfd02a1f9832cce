using Jobsmith.Rendering.Layout;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Jobsmith.Rendering.Templates;

/// <summary>
/// Renders <see cref="DocumentPage"/> to a self-contained HTML string with ASP.NET Core's <see cref="HtmlRenderer"/>,
/// outside any HTTP request. A renderer per document: a renderer keeps every root component it rendered until it is
/// disposed, and creating one costs microseconds.
/// </summary>
internal sealed class HtmlComposer(IServiceProvider? services = null, ILoggerFactory? loggers = null)
{
    private readonly IServiceProvider _services = services ?? new ServiceCollection().BuildServiceProvider();
    private readonly ILoggerFactory _loggers = loggers ?? NullLoggerFactory.Instance;

    public async Task<string> ComposeAsync(PrintedDocument document, DocumentTemplate template)
    {
        await using var renderer = new HtmlRenderer(_services, _loggers);
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var parameters = ParameterView.FromDictionary(new Dictionary<string, object?>
            {
                [nameof(DocumentPage.Document)] = document,
                [nameof(DocumentPage.Template)] = template,
            });
            var output = await renderer.RenderComponentAsync<DocumentPage>(parameters);
            return output.ToHtmlString();
        });
    }
}
