using System.Globalization;
using GrantHub.Core.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace GrantHub.Benchmarks.Seeding;

/// <summary>Values written the way EF writes them on SQLite, so seeded rows join with the rows EF writes.</summary>
internal static class SqliteValues
{
    public static readonly Func<DateTimeOffset, long> Instant = new DateTimeOffsetToBinaryConverter().ConvertToProviderExpression.Compile();

    /// <summary>EF writes a Guid as upper-case text on SQLite.</summary>
    public static string Text(Guid id) => id.ToString().ToUpperInvariant();

    public static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static Money Euros(long minorUnits) => new(minorUnits, "EUR");
}

/// <summary>One prepared INSERT, executed once per row.</summary>
internal sealed class BulkInsert : IDisposable
{
    private readonly SqliteCommand _command;
    private readonly SqliteParameter[] _parameters;

    public BulkInsert(SqliteConnection connection, SqliteTransaction transaction, string table, params string[] columns)
    {
        _command = connection.CreateCommand();
        _command.Transaction = transaction;
        _command.CommandText =
            $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => $"$p{i}"))})";
        _parameters = [.. columns.Select((_, i) => _command.Parameters.Add(new SqliteParameter($"$p{i}", null)))];
        _command.Prepare();
    }

    public void Add(params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            _parameters[i].Value = values[i] ?? DBNull.Value;
        }

        _command.ExecuteNonQuery();
    }

    public void Dispose() => _command.Dispose();
}
