using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace GrantHub.Api.Infrastructure.Database;

/// <summary>
/// SQLite keeps deleted and overwritten content in free space of its pages until reused; with <c>secure_delete</c> it
/// zeroes that space, so erased texts (retention, account erasure) and values rewritten encrypted leave no trace in the
/// file. The setting lasts as long as the native connection, which the connection pool hands out again and again: it is
/// made once per native connection, not on every open (that cost a statement per query, bench/http.sh).
/// </summary>
public sealed class SqliteSecureDelete : DbConnectionInterceptor
{
    public static readonly SqliteSecureDelete Instance = new();

    private const string Pragma = "PRAGMA secure_delete = ON;";

    private readonly ConditionalWeakTable<object, object> _switchedOn = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (NeedsPragma(connection))
        {
            using var command = connection.CreateCommand();
            command.CommandText = Pragma;
            command.ExecuteNonQuery();
            Remember(connection);
        }
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (NeedsPragma(connection))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = Pragma;
            await command.ExecuteNonQueryAsync(cancellationToken);
            Remember(connection);
        }
    }

    private bool NeedsPragma(DbConnection connection) =>
        connection is not SqliteConnection { Handle: { } handle } || !_switchedOn.TryGetValue(handle, out _);

    private void Remember(DbConnection connection)
    {
        if (connection is SqliteConnection { Handle: { } handle })
        {
            _switchedOn.AddOrUpdate(handle, handle);
        }
    }
}
