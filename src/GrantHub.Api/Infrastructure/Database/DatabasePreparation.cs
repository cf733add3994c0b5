namespace GrantHub.Api.Infrastructure.Database;

/// <summary>
/// The schema made current (migrations, encryption of clear-text fields), once per start, on a background task that
/// <c>Program</c> starts as soon as the host is built: the web server builds its endpoints meanwhile (most of a second
/// each, and on two cores they overlap). Whatever needs the database waits for <see cref="Prepared"/>: the start-up
/// preparation (first Admin, demo data, job schedules) and, on SQL Server, the job storage, which installs its tables
/// when it is created.
/// </summary>
public sealed class DatabasePreparation(IServiceProvider services, IConfiguration configuration)
{
    private readonly Lazy<Task> _prepared = new(() => Task.Run(() => PrepareAsync(services, configuration)));

    /// <summary>Starts the preparation on the first call.</summary>
    public Task Prepared => _prepared.Value;

    private static async Task PrepareAsync(IServiceProvider services, IConfiguration configuration)
    {
        if (configuration.GetValue("Database:MigrateOnStartup", true))
        {
            await DatabaseSetup.MigrateAsync(services);
        }
    }
}
