using GrantHub.Benchmarks.ReportReminders;
using Microsoft.Data.Sqlite;

namespace GrantHub.Benchmarks.Diagnostics;

/// <summary>Prints recorded queries with SQLite's plan for each, run with the parameters the query ran with.</summary>
internal static class QueryPlans
{
    public static async Task PrintAsync(string connectionString, IReadOnlyList<RecordedCommand> queries, string title)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        foreach (var query in queries)
        {
            Console.WriteLine();
            Console.WriteLine($"{title}, {query.Duration.TotalMilliseconds:N1} ms to its first row:");
            Console.WriteLine(Indent(query.Text!.Length > 600 ? query.Text[..600] + " …" : query.Text));
            await using var explain = connection.CreateCommand();
            explain.CommandText = "EXPLAIN QUERY PLAN " + query.Text;
            foreach (var (name, value) in query.Parameters)
            {
                explain.Parameters.AddWithValue(name, value ?? DBNull.Value);
            }

            await using var plan = await explain.ExecuteReaderAsync();
            Console.WriteLine("  plan:");
            while (await plan.ReadAsync())
            {
                Console.WriteLine($"    {plan.GetString(3)}");
            }
        }
    }

    private static string Indent(string text) => "  " + text.Replace("\n", "\n  ", StringComparison.Ordinal);
}
