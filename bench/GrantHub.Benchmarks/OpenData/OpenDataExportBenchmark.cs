using System.Diagnostics;
using System.Globalization;
using GrantHub.Api.Features.OpenData;
using GrantHub.Benchmarks.ReportReminders;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using static GrantHub.Benchmarks.CommandLine;

namespace GrantHub.Benchmarks.OpenData;

/// <summary>
/// Issue 15, item 5: seeds an awarded portfolio into a SQLite file made by the real migrations, then exports it in each
/// format through the real host's mediator (the same use case the API streams), into a stream that only counts bytes.
/// Prints time, bytes, peak working set and allocations per format. Exit code 2 when an export's grant count differs
/// from the seeded count. Options: <c>--grants N</c> (100000), <c>--database PATH</c>, <c>--keep</c>.
/// </summary>
internal static class OpenDataExportBenchmark
{
    public const string Command = "open-data";

    public static async Task<int> RunAsync(string[] args)
    {
        var grants = Option(args, "--grants") is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : 100_000;
        var path = Option(args, "--database") ?? Path.Combine(Path.GetTempPath(), $"granthub-open-data-{Guid.NewGuid():N}.db");
        if (File.Exists(path))
        {
            Console.Error.WriteLine($"{path} exists; give a new path.");
            return 1;
        }

        try
        {
            var recorder = new CommandRecorder();
            using var host = new BenchmarkHost(path, recorder, ("OpenData:PseudonymSecret", "benchmark-secret-0123456789-abcdefghijkl"));
            _ = host.Services;
            var clock = Stopwatch.StartNew();
            var now = host.Services.GetRequiredService<TimeProvider>().GetUtcNow();
            var portfolio = await new OpenDataSeeder(host).SeedAsync(grants, now);
            Console.WriteLine($"Seeded {portfolio.Grants:N0} Active grants ({portfolio.SensitiveOrganisations:N0} sensitive leads) in {Seconds(clock.Elapsed)}; " +
                $"database {new FileInfo(path).Length / 1024.0 / 1024.0:N0} MB");

            var failures = 0;
            foreach (var format in OpenDataFiles.All)
            {
                var written = await ExportAsync(host, recorder, format);
                if (written != portfolio.Grants)
                {
                    Console.Error.WriteLine($"{format}: wrote {written:N0} grants, expected {portfolio.Grants:N0}");
                    failures++;
                }
            }

            return failures == 0 ? 0 : 2;
        }
        finally
        {
            if (!args.Contains("--keep"))
            {
                foreach (var suffix in new[] { "", "-wal", "-shm" })
                {
                    File.Delete(path + suffix);
                }
            }
        }
    }

    private static async Task<int> ExportAsync(BenchmarkHost host, CommandRecorder recorder, OpenDataFormat format)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var workingSetBefore = Process.GetCurrentProcess().WorkingSet64;
        recorder.Clear();
        recorder.Recording = true;
        using var memory = PeakMemory.Start();
        var clock = Stopwatch.StartNew();
        int written;
        var output = new CountingStream();
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var export = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new ExportOpenDataQuery(format));
            written = await export.WriteAsync(output, CancellationToken.None);
        }

        var elapsed = clock.Elapsed;
        var peak = memory.Stop();
        recorder.Recording = false;
        Console.WriteLine(
            $"{OpenDataFiles.FileName(format),-15} {written,9:N0} grants in {Seconds(elapsed),9}, {Megabytes(output.Length),7} written; " +
            $"working set {Megabytes(workingSetBefore)} before, peak {Megabytes(peak)}; allocated {Megabytes(GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore)}");
        foreach (var query in recorder.Commands.GroupBy(c => c.Text![..Math.Min(90, c.Text!.Length)].ReplaceLineEndings(" ")).OrderByDescending(g => g.Sum(c => c.Duration.Ticks)).Take(4))
        {
            Console.WriteLine($"  {query.Count(),6:N0} x {Seconds(TimeSpan.FromTicks(query.Sum(c => c.Duration.Ticks)))} in the database: {query.Key}");
        }

        return written;
    }

    /// <summary>A write-only stream that keeps nothing but its length, so memory measures the exporter alone.</summary>
    private sealed class CountingStream : Stream
    {
        private long _length;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => _length;

        public override long Position { get => _length; set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => _length += count;

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            _length += buffer.Length;
            return ValueTask.CompletedTask;
        }
    }
}
