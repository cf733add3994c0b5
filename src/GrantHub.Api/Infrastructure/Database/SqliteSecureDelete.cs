using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace GrantHub.Api.Infrastructure.Database;

/// <summary>
/// SQLite keeps deleted and overwritten content in free space of its pages until reused; with <c>secure_delete</c> it
/// zeroes that space, so erased texts (retention, account erasure) and values rewritten encrypted leave no trace in the
/// file. The setting lasts one connection: it is made on every connection GrantHub opens.
/// </summary>
public sealed class SqliteSecureDelete : DbConnectionInterceptor
{
    public static readonly SqliteSecureDelete Instance = new();

    private const string Pragma = "PRAGMA secure_delete = ON;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
