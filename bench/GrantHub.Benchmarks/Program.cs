using BenchmarkDotNet.Running;
using GrantHub.Benchmarks.Http;
using GrantHub.Benchmarks.OpenData;
using GrantHub.Benchmarks.ReportReminders;

namespace GrantHub.Benchmarks;

public static class Program
{
    /// <summary>
    /// <c>report-reminders</c>, <c>open-data</c>, <c>http</c> and <c>surge</c> (each with its options) run one-shot benchmarks; anything else goes to
    /// BenchmarkDotNet (exit code 1 if a benchmark failed).
    /// </summary>
    public static async Task<int> Main(string[] args)
    {
        if (args.Length > 0 && args[0] == ReportReminderSweepBenchmark.Command)
        {
            return await ReportReminderSweepBenchmark.RunAsync(args[1..]);
        }

        if (args.Length > 0 && args[0] == HttpBenchmark.Command)
        {
            return await HttpBenchmark.RunAsync(args[1..]);
        }

        if (args.Length > 0 && args[0] == SurgeBenchmark.Command)
        {
            return await SurgeBenchmark.RunAsync(args[1..]);
        }

        if (args.Length > 0 && args[0] == OpenDataExportBenchmark.Command)
        {
            return await OpenDataExportBenchmark.RunAsync(args[1..]);
        }

        var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
    }
}
