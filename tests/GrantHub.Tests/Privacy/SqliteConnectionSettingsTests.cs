using GrantHub.Core.Data;
using GrantHub.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GrantHub.Tests.Privacy;

/// <summary>
/// Erased and rewritten values leave no trace in free pages: every connection the application uses zeroes them; and every
/// connection reads the file through a memory map.
/// </summary>
public class SqliteConnectionSettingsTests(GrantHubFactory factory) : IClassFixture<GrantHubFactory>
{
    [Fact]
    public async Task Every_connection_the_application_opens_zeroes_deleted_content_even_when_the_pool_hands_it_out_again() =>
        await OnConnectionsTheApplicationOpens(async db =>
            Assert.Equal(1, await db.Database.SqlQueryRaw<long>("SELECT secure_delete AS Value FROM pragma_secure_delete").SingleAsync()));

    [Fact]
    public async Task Every_connection_reads_the_file_through_a_memory_map() =>
        await OnConnectionsTheApplicationOpens(async db =>
        {
            await db.Database.OpenConnectionAsync();
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = "PRAGMA mmap_size;";
            Assert.Equal(268_435_456L, await command.ExecuteScalarAsync());
        });

    /// <summary>Three times, so the pool hands out a connection it made before.</summary>
    private async Task OnConnectionsTheApplicationOpens(Func<GrantHubDbContext, Task> check)
    {
        if (TestSqlServer.Enabled)
        {
            return;
        }

        for (var open = 0; open < 3; open++)
        {
            await using var scope = factory.Services.CreateAsyncScope();
            await check(scope.ServiceProvider.GetRequiredService<GrantHubDbContext>());
        }
    }
}
