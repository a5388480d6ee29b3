namespace Kanban.Api.Infrastructure.Duplicates;

public static class DuplicateDetectionRegistration
{
    /// <summary>
    /// Duplicate detection: the embedding model (off with <c>Kanban:Duplicates:Embeddings=false</c>),
    /// the boards' indexes, and the background work that warms them and embeds tickets that came in bulk.
    /// </summary>
    public static IServiceCollection AddDuplicateDetection(this IServiceCollection services, IConfiguration configuration)
    {
        if (configuration.GetValue("Kanban:Duplicates:Embeddings", defaultValue: true))
        {
            services.AddSingleton<ITicketEmbedder, MiniLmEmbedder>();
        }
        else
        {
            services.AddSingleton<ITicketEmbedder, NoEmbedder>();
        }

        services.AddSingleton<DuplicateIndexes>();
        services.AddScoped<TicketDuplicates>();
        services.AddHostedService<DuplicateWarmup>();
        services.AddHostedService<TicketVectorBackfill>();
        return services;
    }
}
