using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace GrantHub.Benchmarks.ReportReminders;

/// <summary>Counts and times the database commands EF sends while recording, and keeps the queries with their parameters.</summary>
internal sealed class CommandRecorder : DbCommandInterceptor
{
    private readonly ConcurrentBag<RecordedCommand> _commands = [];

    public bool Recording { get; set; }

    public IReadOnlyCollection<RecordedCommand> Commands => _commands;

    public void Clear() => _commands.Clear();

    /// <summary>Each distinct query (text and parameters of its slowest run), slowest first.</summary>
    public IReadOnlyList<RecordedCommand> DistinctQueries() =>
        [.. _commands.Where(c => c.Verb == "SELECT").GroupBy(c => c.Text).Select(g => g.MaxBy(c => c.Duration)!).OrderByDescending(c => c.Duration)];

    public override ValueTask<DbDataReader> ReaderExecutedAsync(
        DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        Record(command, eventData);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<int> NonQueryExecutedAsync(
        DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Record(command, eventData);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<object?> ScalarExecutedAsync(
        DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
    {
        Record(command, eventData);
        return ValueTask.FromResult(result);
    }

    private void Record(DbCommand command, CommandExecutedEventData executed)
    {
        if (!Recording)
        {
            return;
        }

        var text = command.CommandText.TrimStart();
        var verb = Verb(text);
        // Only queries are kept whole (for EXPLAIN QUERY PLAN); the many INSERTs only count.
        _commands.Add(verb == "SELECT"
            ? new RecordedCommand(verb, executed.StartTime, executed.Duration, text, [.. command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, p.Value))])
            : new RecordedCommand(verb, executed.StartTime, executed.Duration, null, []));
    }

    /// <summary>The statement's first keyword; a statement that opens with a WITH clause is the write it holds, if any.</summary>
    private static string Verb(string text)
    {
        var words = text.Split([' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries).Select(w => w.ToUpperInvariant()).ToList();
        return words[0] == "WITH"
            ? new[] { "INSERT", "UPDATE", "DELETE" }.FirstOrDefault(words.Contains) ?? "SELECT"
            : words[0];
    }
}

/// <summary>One command; for a query the duration runs until its first row is read.</summary>
internal sealed record RecordedCommand(
    string Verb, DateTimeOffset StartedAt, TimeSpan Duration, string? Text, IReadOnlyList<(string Name, object? Value)> Parameters);
