using Jobsmith.Core.Documents.Rendering;
using Jobsmith.Rendering.Pdf;
using Microsoft.Extensions.DependencyInjection;

namespace Jobsmith.Rendering;

public static class RenderingServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IDocumentRenderer"/> and the one warm <see cref="PdfBrowser"/> it prints with (a
    /// singleton the host disposes), with <see cref="RenderingOptions"/> from section "Rendering". The browser
    /// starts on the first PDF, not at start-up, so hosts that never print never launch it.
    /// </summary>
    public static IServiceCollection AddDocumentRendering(this IServiceCollection services)
    {
        services.AddOptions<RenderingOptions>().BindConfiguration(RenderingOptions.Section)
            .Validate(o => RenderingOptions.IsKnownPaperSize(o.PaperSize), "Rendering:PaperSize must be Letter or A4")
            .Validate(o => o.MarginInches is >= 0 and <= 2, "Rendering:MarginInches must be between 0 and 2")
            .Validate(o => !string.IsNullOrWhiteSpace(o.ChromiumPath), "Rendering:ChromiumPath must be set")
            .ValidateOnStart();
        services.AddLogging();
        services.AddSingleton<PdfBrowser>();
        services.AddSingleton<IDocumentRenderer, DocumentRenderer>();
        return services;
    }
}
