using GrantHub.Api.Infrastructure.Jobs;

namespace GrantHub.Api.Infrastructure.Idempotency;

public static class IdempotencyServices
{
    /// <summary>The key store behind <see cref="IdempotencyKeys.RequireIdempotencyKey{TBody}"/> and the hourly purge of expired keys.</summary>
    public static IServiceCollection AddGrantHubIdempotency(this IServiceCollection services) =>
        services
            .AddScoped<IdempotencyStore>()
            .AddRecurringJob<PurgeExpiredIdempotencyKeysJob>(PurgeExpiredIdempotencyKeysJob.Id, "PurgeExpiredIdempotencyKeys", Hangfire.Cron.Hourly());
}
