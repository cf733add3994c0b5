using System.Data.Common;
using System.Data;
using System.Globalization;
using System.Text.Json;
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
/// Writes notifications set-based, in the current transaction: each statement inserts up to
/// <see cref="RowsPerStatement"/> rows passed as one JSON array parameter (<c>json_each</c> on SQLite, <c>OPENJSON</c>
/// on SQL Server) and skips every row whose de-duplication key is already taken. One parameter per statement, because
/// binding thousands of named parameters costs time quadratic in their number. Columns and values come from EF's model
/// and value converters, so the rows are exactly what EF would have written.
/// <para>
/// SQLite: <c>ON CONFLICT ("DeduplicationKey") DO NOTHING</c>; its write transactions begin IMMEDIATE, so a second
/// host waits and then skips the rows the first committed. SQL Server: <c>WHERE NOT EXISTS</c> reading the key under
/// <c>UPDLOCK, HOLDLOCK</c>, which holds the key range until commit so a concurrent sweep waits rather than inserting
/// the same key; should the unique index still refuse a row, the unit of work runs the command again
/// (<see cref="DatabaseErrors.IsUniqueViolation"/>) and the re-run skips what is there.
/// </para>
/// </summary>
public static class NotificationInsert
{
    public const int RowsPerStatement = 2_000;
    public const string RowsParameter = "@rows";

    private const string KeyProperty = nameof(Notification.DeduplicationKey);

    /// <summary>Inserts the notifications whose keys are free; returns how many rows were inserted.</summary>
    public static async Task<int> InsertMissingAsync(GrantHubDbContext db, IReadOnlyList<Notification> notifications, CancellationToken cancellationToken)
    {
        var columns = Columns(db);
        var sql = Sql(db);
        await using var factory = db.Database.GetDbConnection().CreateCommand();
        var inserted = 0;
        foreach (var chunk in notifications.Chunk(RowsPerStatement))
        {
            var rows = factory.CreateParameter();
            rows.ParameterName = RowsParameter;
            rows.DbType = DbType.String;
            rows.Size = -1;
            rows.Value = Json(chunk, columns, db.IsSqlite);
            inserted += await db.Database.ExecuteSqlRawAsync(sql, [rows], cancellationToken);
        }

        return inserted;
    }

    /// <summary>The statement in the provider's dialect; its one parameter is a JSON array of rows, each an array of column values.</summary>
    public static string Sql(DbContext db)
    {
        var columns = Columns(db);
        var sql = db.GetService<ISqlGenerationHelper>();
        var table = sql.DelimitIdentifier(db.Model.FindEntityType(typeof(Notification))!.GetTableName()!);
        var names = string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.Name)));
        var key = sql.DelimitIdentifier(columns.Single(c => c.Property.Name == KeyProperty).Name);
        if (db.Database.ProviderName == GrantHubDbContext.SqliteProviderName)
        {
            // Each row is parsed once into SQLite's binary JSON (materialised, so that it is not parsed again for every
            // column); "WHERE true" tells SQLite's parser that ON CONFLICT belongs to the INSERT, not to a join.
            var values = string.Join(", ", columns.Select((_, i) => $"json_extract(\"row\", '$[{i}]')"));
            return $"WITH \"rows\" AS MATERIALIZED (SELECT jsonb(\"value\") AS \"row\" FROM json_each({RowsParameter}))\n"
                + $"INSERT INTO {table} ({names})\nSELECT {values}\nFROM \"rows\" WHERE true\nON CONFLICT ({key}) DO NOTHING";
        }

        var schema = string.Join(", ", columns.Select((c, i) => $"{sql.DelimitIdentifier(c.Name)} {c.Property.GetColumnType()} '$[{i}]'"));
        return $"INSERT INTO {table} ({names})\nSELECT {names}\nFROM OPENJSON({RowsParameter}) WITH ({schema}) AS [v]\n"
            + $"WHERE NOT EXISTS (SELECT 1 FROM {table} AS [n] WITH (UPDLOCK, HOLDLOCK) WHERE [n].{key} = [v].{key})";
    }

    private static string Json(IEnumerable<Notification> notifications, IReadOnlyList<Column> columns, bool sqlite)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            foreach (var notification in notifications)
            {
                json.WriteStartArray();
                foreach (var column in columns)
                {
                    var value = column.Property.GetGetter().GetClrValueUsingContainingEntity(notification);
                    Write(json, column.Mapping.Converter is { } converter && value is not null ? converter.ConvertToProvider(value) : value, sqlite);
                }

                json.WriteEndArray();
            }

            json.WriteEndArray();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static void Write(Utf8JsonWriter json, object? value, bool sqlite)
    {
        switch (value)
        {
            case null:
                json.WriteNullValue();
                break;
            case string text:
                json.WriteStringValue(text);
                break;
            case Guid id:
                // SQLite stores a Guid as upper-case text, as Microsoft.Data.Sqlite writes it.
                json.WriteStringValue(sqlite ? id.ToString().ToUpperInvariant() : id.ToString());
                break;
            case int number:
                json.WriteNumberValue(number);
                break;
            case long number:
                json.WriteNumberValue(number);
                break;
            case DateTimeOffset instant:
                json.WriteStringValue(instant.ToString("O", CultureInfo.InvariantCulture));
                break;
            default:
                throw new NotSupportedException($"A notification column holds a {value.GetType().Name}; teach {nameof(NotificationInsert)} to write it.");
        }
    }

    private static List<Column> Columns(DbContext db)
    {
        var entity = db.Model.FindEntityType(typeof(Notification))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        return [.. entity.GetProperties().Select(p => new Column(p, p.GetColumnName(table)!, p.GetRelationalTypeMapping()))];
    }

    private sealed record Column(IProperty Property, string Name, RelationalTypeMapping Mapping);
}
