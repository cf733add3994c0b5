using System.Collections.Concurrent;
using System.Data.Common;
using GrantHub.Core.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace GrantHub.Tests.Infrastructure;

/// <summary>The application with a counter of the SQL commands that a piece of work sends, to prove a use case set-based.</summary>
public sealed class CommandCountingFactory : GrantHubFactory
{
    private readonly CommandCounter _counter = new();

    /// <summary>Runs <paramref name="work"/> and counts the SQL commands it sends; commands from other flows are not counted.</summary>
    public async Task<CommandCount> CountCommands(Func<Task> work)
    {
        var count = new CommandCount();
        _counter.Current.Value = count;
        try
        {
            await work();
        }
        finally
        {
            _counter.Current.Value = null;
        }

        return count;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        // The counter follows the work's async flow into the requests it sends. Without this, every client runs its
        // requests outside it: they count nothing, and a "reads no X" assertion passes whatever the code does.
        builder.UseTestServer(options => options.PreserveExecutionContext = true);
        builder.ConfigureServices(services =>
            services.ConfigureDbContext<GrantHubDbContext>(options => options.AddInterceptors(_counter, new OpeningCounter(_counter))));
    }

    /// <summary>Queries are what handlers ask for; saves are the writes of SaveChanges (one per changed row on SQLite).</summary>
    public sealed class CommandCount
    {
        private readonly ConcurrentQueue<string> _texts = new();
        private int _queries;
        private int _saves;
        private int _openings;

        public int Queries => _queries;

        /// <summary>How many times a database connection was opened (taken from the pool) for the work.</summary>
        public int Openings => _openings;

        public int Saves => _saves;

        /// <summary>The SQL of every command counted, in the order sent.</summary>
        public IReadOnlyCollection<string> Texts => _texts;

        internal void AddOpening() => Interlocked.Increment(ref _openings);

        internal void Add(CommandSource source, string text)
        {
            _texts.Enqueue(text);
            if (source == CommandSource.SaveChanges)
            {
                Interlocked.Increment(ref _saves);
            }
            else
            {
                Interlocked.Increment(ref _queries);
            }
        }
    }

    private sealed class OpeningCounter(CommandCounter counter) : DbConnectionInterceptor
    {
        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => counter.Current.Value?.AddOpening();

        public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            counter.Current.Value?.AddOpening();
            return Task.CompletedTask;
        }
    }

    private sealed class CommandCounter : DbCommandInterceptor
    {
        // Flows with the awaited work into the handlers it calls, so concurrent requests are not counted.
        public AsyncLocal<CommandCount?> Current { get; } = new();

        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        {
            Current.Value?.Add(eventData.CommandSource, command.CommandText);
            return result;
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Current.Value?.Add(eventData.CommandSource, command.CommandText);
            return ValueTask.FromResult(result);
        }

        public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
        {
            Current.Value?.Add(eventData.CommandSource, command.CommandText);
            return result;
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Current.Value?.Add(eventData.CommandSource, command.CommandText);
            return ValueTask.FromResult(result);
        }

        public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
        {
            Current.Value?.Add(eventData.CommandSource, command.CommandText);
            return result;
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Current.Value?.Add(eventData.CommandSource, command.CommandText);
            return ValueTask.FromResult(result);
        }
    }
}
