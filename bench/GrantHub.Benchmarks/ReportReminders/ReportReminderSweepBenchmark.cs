using System.Diagnostics;
using System.Globalization;
using GrantHub.Api.Features.Grants;
using GrantHub.Api.Infrastructure.Database;
using GrantHub.Api.Infrastructure.Jobs;
using GrantHub.Api.Infrastructure.Pipeline;
using GrantHub.Benchmarks.Diagnostics;
using GrantHub.Core.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static GrantHub.Benchmarks.CommandLine;

namespace GrantHub.Benchmarks.ReportReminders;

/// <summary>
/// Issue 7, item 5: seeds a large portfolio of Active grants with their reports into a SQLite file created by the real
/// migrations, then times one report-reminder sweep, sent through the real host's mediator and pipeline (one transaction,
/// the audit entry), and a second sweep, which finds everything already reminded. A one-shot measurement of a
/// seconds-long operation, so it runs on its own rather than under BenchmarkDotNet's repeated iterations.
/// <para>Options: <c>--grants N</c> (100000), <c>--overdue-share S</c> (0.1: share of past reports still not in),
/// <c>--database PATH</c> and <c>--keep</c> (keep the file to inspect it).</para>
/// </summary>
internal static class ReportReminderSweepBenchmark
{
    public const string Command = "report-reminders";

    public static async Task<int> RunAsync(string[] args)
    {
        var grants = IntOption(args, "--grants", 100_000);
        var overdueShare = DoubleOption(args, "--overdue-share", 0.1);
        var path = Option(args, "--database") ?? Path.Combine(Path.GetTempPath(), $"granthub-report-reminders-{Guid.NewGuid():N}.db");
        var keep = args.Contains("--keep");
        if (File.Exists(path))
        {
            Console.Error.WriteLine($"{path} exists; give a new path.");
            return 1;
        }

        var recorder = new CommandRecorder();
        try
        {
            using var host = new BenchmarkHost(path, recorder);
            var clock = Stopwatch.StartNew();
            _ = host.Services;
            Console.WriteLine($"Host started, database created by the migrations: {Seconds(clock.Elapsed)} ({path})");

            clock.Restart();
            var now = host.Services.GetRequiredService<TimeProvider>().GetUtcNow();
            var portfolio = await new GrantSeeder(host).SeedAsync(grants, overdueShare, now);
            Console.WriteLine(
                $"Seeded {portfolio.Grants:N0} Active grants, {portfolio.Reports:N0} reports, {portfolio.Users:N0} users in {Seconds(clock.Elapsed)}; " +
                $"{portfolio.OpenReportsInWindow:N0} open reports are due within 30 days or overdue (overdue share {overdueShare:P0}), " +
                $"so {portfolio.ExpectedReminders:N0} reminders are expected; database {new FileInfo(path).Length / 1024.0 / 1024.0:N0} MB");
            await EnsureSeedJoinsWithEfAsync(host, portfolio);

            var first = await SweepAsync(host, recorder, "First sweep");
            var queries = recorder.DistinctQueries();
            var second = await SweepAsync(host, recorder, "Second sweep (no-op)");

            var created = await WithDbAsync(host, db => db.Notifications.CountAsync());
            Console.WriteLine($"Notifications in the database: {created:N0}; expected {portfolio.ExpectedReminders:N0}");
            await QueryPlans.PrintAsync(host.ConnectionString, queries, "Query of the first sweep");
            Console.WriteLine($"Process peak working set: {Megabytes(Process.GetCurrentProcess().PeakWorkingSet64)}");

            return first.Affected == portfolio.ExpectedReminders && second.Affected == 0 && created == portfolio.ExpectedReminders ? 0 : 2;
        }
        finally
        {
            if (!keep)
            {
                foreach (var suffix in new[] { "", "-wal", "-shm" })
                {
                    File.Delete(path + suffix);
                }
            }
        }
    }

    private static async Task<SweepResult> SweepAsync(BenchmarkHost host, CommandRecorder recorder, string title)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        recorder.Clear();
        recorder.Recording = true;
        using var memory = PeakMemory.Start();
        var startedAt = DateTimeOffset.UtcNow;
        var processorBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();

        SweepResult result;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            result = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new ReportDueRemindersCommand());
        }

        var elapsed = clock.Elapsed;
        var processor = Process.GetCurrentProcess().TotalProcessorTime - processorBefore;
        recorder.Recording = false;
        var peak = memory.Stop();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;

        Console.WriteLine();
        Console.WriteLine($"{title}: {Seconds(elapsed)}, {result.Affected:N0} notifications created");
        // On a busy machine the wall time mostly measures waiting for a core; the CPU time does not.
        Console.WriteLine($"  {Seconds(processor)} of CPU time in this process (all threads)");
        var inserts = recorder.Commands.Where(c => c.Verb == "INSERT").ToList();
        if (inserts.Count > 0)
        {
            var firstInsert = inserts.Min(c => c.StartedAt) - startedAt;
            var lastInsertDone = inserts.Max(c => c.StartedAt + c.Duration) - startedAt;
            Console.WriteLine($"  {Seconds(firstInsert)} finding what is due and who is told (two queries), building the messages");
            Console.WriteLine($"  {Seconds(lastInsertDone - firstInsert)} inserting the notifications that are missing ({inserts.Count:N0} multi-row INSERTs, the audit entry included)");
            Console.WriteLine($"  {Seconds(elapsed - lastInsertDone)} committing");
        }

        foreach (var verb in recorder.Commands.GroupBy(c => c.Verb).OrderByDescending(g => g.Count()))
        {
            Console.WriteLine($"  {verb.Count(),9:N0} {verb.Key,-7} commands, {Seconds(TimeSpan.FromTicks(verb.Sum(c => c.Duration.Ticks)))} in the database");
        }

        Console.WriteLine("  (a query's time in the database runs until its first row)");

        Console.WriteLine($"  peak working set during the sweep {Megabytes(peak)}, allocated {Megabytes(allocated)}");
        return result;
    }

    /// <summary>Seeded rows are written as EF would write them: EF finds them all through its own queries.</summary>
    private static async Task EnsureSeedJoinsWithEfAsync(BenchmarkHost host, SeededPortfolio portfolio)
    {
        var (grants, members) = await WithDbAsync(host, async db => (
            await db.Grants.CountAsync(g => db.Funds.Any(f => f.Id == g.FundId) && db.Organisations.Any(o => o.Id == g.LeadOrganisationId)),
            await db.OrganisationMembers.CountAsync(m => db.Users.Any(u => u.Id == m.UserId))));
        if (grants != portfolio.Grants || members != portfolio.Grants * 2)
        {
            throw new InvalidOperationException($"The seeded rows do not join with EF's ({grants:N0} grants, {members:N0} members found).");
        }
    }

    private static async Task<T> WithDbAsync<T>(BenchmarkHost host, Func<GrantHubDbContext, Task<T>> work)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<GrantHubDbContext>());
    }
}
