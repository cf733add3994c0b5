using System.Data.Common;
using System.Text;
using GrantHub.Api.Infrastructure.Database;
using GrantHub.Core.Data;
using GrantHub.Core.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace GrantHub.Api.Infrastructure.Email;

/// <summary>
/// Writes notifications with multi-row INSERTs that skip any row whose de-duplication key is already taken, in the
/// current transaction: a sweep of tens of thousands of reminders costs a few dozen statements instead of one
/// tracked entity and one INSERT each. Columns and values come from EF's model and type mappings (value converters
/// included), so the rows are exactly what EF would have written.
/// <para>
/// SQLite: <c>ON CONFLICT ("DeduplicationKey") DO NOTHING</c>; its write transactions begin IMMEDIATE, so a second
/// host waits and then skips the rows the first committed. SQL Server: <c>INSERT ... SELECT ... WHERE NOT EXISTS</c>
/// reading the key under <c>UPDLOCK, HOLDLOCK</c>, which holds the key range until commit so a concurrent sweep
/// waits rather than inserting the same key; should the unique index still refuse a row, the unit of work runs the
/// command again (<see cref="DatabaseErrors.IsUniqueViolation"/>) and the re-run skips what is there.
/// </para>
/// </summary>
public static class NotificationInsert
{
    /// <summary>SQL Server accepts at most 2,100 parameters per command; SQLite 32,766.</summary>
    private const int SqlServerParameters = 2_000;
    private const int SqliteParameters = 16_000;

    private const string KeyProperty = nameof(Notification.DeduplicationKey);

    /// <summary>Inserts the notifications whose keys are free; returns how many rows were inserted.</summary>
    public static async Task<int> InsertMissingAsync(GrantHubDbContext db, IReadOnlyList<Notification> notifications, CancellationToken cancellationToken)
    {
        var columns = Columns(db);
        var rowsPerStatement = Math.Max(1, (db.IsSqlite ? SqliteParameters : SqlServerParameters) / columns.Count);
        await using var factory = db.Database.GetDbConnection().CreateCommand();
        var inserted = 0;
        string? fullStatement = null;
        foreach (var chunk in notifications.Chunk(rowsPerStatement))
        {
            var sql = chunk.Length == rowsPerStatement ? fullStatement ??= Sql(db, chunk.Length) : Sql(db, chunk.Length);
            var parameters = new List<DbParameter>(chunk.Length * columns.Count);
            foreach (var notification in chunk)
            {
                foreach (var column in columns)
                {
                    var value = column.Property.GetGetter().GetClrValueUsingContainingEntity(notification);
                    parameters.Add(column.Mapping.CreateParameter(factory, $"@p{parameters.Count}", value, column.Property.IsNullable));
                }
            }

            inserted += await db.Database.ExecuteSqlRawAsync(sql, parameters, cancellationToken);
        }

        return inserted;
    }

    /// <summary>The statement for <paramref name="rows"/> rows in the provider's dialect, parameters named <c>@p0</c>, <c>@p1</c>... row by row.</summary>
    public static string Sql(DbContext db, int rows)
    {
        var columns = Columns(db);
        var sql = db.GetService<ISqlGenerationHelper>();
        var table = sql.DelimitIdentifier(db.Model.FindEntityType(typeof(Notification))!.GetTableName()!);
        var names = string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.Name)));
        var key = sql.DelimitIdentifier(columns.Single(c => c.Property.Name == KeyProperty).Name);
        var values = new StringBuilder();
        for (var row = 0; row < rows; row++)
        {
            values.Append(row == 0 ? "(" : ",\n(");
            for (var column = 0; column < columns.Count; column++)
            {
                values.Append(column == 0 ? "@p" : ", @p").Append((row * columns.Count) + column);
            }

            values.Append(')');
        }

        return db.Database.ProviderName == GrantHubDbContext.SqliteProviderName
            ? $"INSERT INTO {table} ({names})\nVALUES {values}\nON CONFLICT ({key}) DO NOTHING"
            : $"INSERT INTO {table} ({names})\nSELECT {names}\nFROM (VALUES {values}) AS [v] ({names})\n"
                + $"WHERE NOT EXISTS (SELECT 1 FROM {table} AS [n] WITH (UPDLOCK, HOLDLOCK) WHERE [n].{key} = [v].{key})";
    }

    private static List<Column> Columns(DbContext db)
    {
        var entity = db.Model.FindEntityType(typeof(Notification))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        return [.. entity.GetProperties().Select(p => new Column(p, p.GetColumnName(table)!, p.GetRelationalTypeMapping()))];
    }

    private sealed record Column(IProperty Property, string Name, RelationalTypeMapping Mapping);
}
