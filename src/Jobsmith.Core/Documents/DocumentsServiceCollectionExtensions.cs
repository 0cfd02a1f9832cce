using Microsoft.Extensions.DependencyInjection;

namespace Jobsmith.Core.Documents;

public static class DocumentsServiceCollectionExtensions
{
    public static IServiceCollection AddDocuments(this IServiceCollection services)
    {
        services.AddScoped<Answers.AnswerBankService>();
        services.AddScoped<DocumentService>();
        return services;
    }
}
