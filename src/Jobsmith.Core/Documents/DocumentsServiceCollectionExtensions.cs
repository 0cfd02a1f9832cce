using Microsoft.Extensions.DependencyInjection;

namespace Jobsmith.Core.Documents;

public static class DocumentsServiceCollectionExtensions
{
    public static IServiceCollection AddDocuments(this IServiceCollection services)
    {
        services.AddScoped<Answers.AnswerBankService>();
        services.AddScoped<DocumentService>();
        // Scoped like its users; the renderer it prints with (when the host registers one) is the host's singleton.
        services.AddScoped<Rendering.RenderedFiles>();
        return services;
    }
}
