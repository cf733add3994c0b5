using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace GrantHub.Benchmarks.Http;

/// <summary>
/// What one measured target answered: requests, failures (any status but 200), throughput and latency, and what a request
/// cost the process (host and load generator together) in processor time and allocated memory. The costs move far less
/// than throughput when the machine's speed drifts, so they are what to compare between two versions of the code.
/// </summary>
internal sealed record LoadResult(
    string Name, int Requests, int Failures, double RequestsPerSecond, double P50Ms, double P99Ms, double MaxMs, double CpuMsPerRequest, double KilobytesPerRequest)
{
    public string Line(string? beside = null) => string.Create(
        CultureInfo.InvariantCulture,
        $"{Name,-46} {Requests,7:N0} {Failures,4} {RequestsPerSecond,9:N0}/s  p50 {P50Ms,6:N1} ms  p99 {P99Ms,6:N1} ms  max {MaxMs,6:N1} ms  " +
        $"cpu {CpuMsPerRequest,5:N2} ms  {(KilobytesPerRequest < 0 ? "n/a" : KilobytesPerRequest.ToString("N0", CultureInfo.InvariantCulture)),5} KB{beside}");
}

/// <summary>
/// The process's processor time and allocated bytes from one instant on. The bytes are counted precisely (the quick
/// count leaves out what each thread's allocation buffer holds). In full-size runs the runtime's count still jumped
/// about 4.8 GB back during one measurement and forward during a later one, for a reason not found: a figure below
/// zero prints as n/a, and one that is too high cannot be told apart, so compare memory from small runs.
/// </summary>
internal readonly record struct ProcessCost(TimeSpan ProcessorTime, long AllocatedBytes)
{
    public static ProcessCost Now() => new(Process.GetCurrentProcess().TotalProcessorTime, GC.GetTotalAllocatedBytes(precise: true));

    public (double CpuMs, double Kilobytes) PerRequest(int requests)
    {
        var now = Now();
        var count = Math.Max(1, requests);
        return ((now.ProcessorTime - ProcessorTime).TotalMilliseconds / count, (now.AllocatedBytes - AllocatedBytes) / 1024.0 / count);
    }
}

/// <summary>
/// A small load generator over real sockets: closed loop (N workers as fast as the server answers, for throughput) or
/// open loop (requests started at a fixed rate whatever the answers, so a slow server shows in latency, not in a lower
/// rate: no coordinated omission). Each measurement starts after unmeasured requests, one after another, for as long as
/// the measurement itself up to two seconds (at least 20): the runtime compiles a method's optimised code only after it
/// ran 30 times and the start-up's new code has settled, so twenty requests measured the JIT's first, slower code.
/// </summary>
internal sealed class LoadGenerator(HttpClient client)
{
    private const int WarmUpRequests = 20;
    private static readonly TimeSpan LongestWarmUp = TimeSpan.FromSeconds(2);

    public async Task<LoadResult> ClosedLoopAsync(string name, Func<HttpRequestMessage> request, int workers, TimeSpan duration)
    {
        await WarmUpAsync(request, duration);
        var latencies = new List<double>[workers];
        var failures = 0;
        var cost = ProcessCost.Now();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(async worker =>
        {
            latencies[worker] = [];
            while (clock.Elapsed < duration)
            {
                var (ms, ok) = await SendAsync(request);
                latencies[worker].Add(ms);
                if (!ok)
                {
                    Interlocked.Increment(ref failures);
                }
            }
        }));
        return Result(name, [.. latencies.SelectMany(l => l)], failures, clock.Elapsed, cost);
    }

    public async Task<LoadResult> FixedRateAsync(string name, Func<HttpRequestMessage> request, int perSecond, TimeSpan duration)
    {
        var total = (int)(perSecond * duration.TotalSeconds);
        var interval = TimeSpan.FromSeconds(1.0 / perSecond);
        await WarmUpAsync(request, duration);
        var sends = new List<Task<(double Ms, bool Ok)>>(total);
        var cost = ProcessCost.Now();
        var clock = Stopwatch.StartNew();
        for (var number = 0; number < total; number++)
        {
            var wait = interval * number - clock.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }

            sends.Add(SendAsync(request));
        }

        var answers = await Task.WhenAll(sends);
        return Result(name, [.. answers.Select(a => a.Ms)], answers.Count(a => !a.Ok), clock.Elapsed, cost);
    }

    public async Task<LoadResult> SequentialAsync(string name, Func<HttpRequestMessage> request, int count)
    {
        await WarmUpAsync(request, LongestWarmUp);
        var latencies = new List<double>(count);
        var failures = 0;
        var cost = ProcessCost.Now();
        var clock = Stopwatch.StartNew();
        for (var number = 0; number < count; number++)
        {
            var (ms, ok) = await SendAsync(request);
            latencies.Add(ms);
            failures += ok ? 0 : 1;
        }

        return Result(name, latencies, failures, clock.Elapsed, cost);
    }

    /// <summary>The nearest-rank percentile (p between 0 and 1) of the values; sorts them in place.</summary>
    public static double Percentile(List<double> values, double p)
    {
        values.Sort();
        return values.Count == 0 ? 0 : values[Math.Min(values.Count - 1, (int)Math.Ceiling(p * values.Count) - 1)];
    }

    private async Task WarmUpAsync(Func<HttpRequestMessage> request, TimeSpan measurement)
    {
        var longest = measurement < LongestWarmUp ? measurement : LongestWarmUp;
        var clock = Stopwatch.StartNew();
        for (var number = 0; number < WarmUpRequests || clock.Elapsed < longest; number++)
        {
            await SendAsync(request);
        }
    }

    private async Task<(double Ms, bool Ok)> SendAsync(Func<HttpRequestMessage> request)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await client.SendAsync(request(), HttpCompletionOption.ResponseContentRead);
            return (Stopwatch.GetElapsedTime(started).TotalMilliseconds, response.StatusCode == HttpStatusCode.OK);
        }
        catch (HttpRequestException)
        {
            return (Stopwatch.GetElapsedTime(started).TotalMilliseconds, false);
        }
    }

    private static LoadResult Result(string name, List<double> latencies, int failures, TimeSpan elapsed, ProcessCost cost)
    {
        var (cpuMs, kilobytes) = cost.PerRequest(latencies.Count);
        return new LoadResult(name, latencies.Count, failures, latencies.Count / elapsed.TotalSeconds, Percentile(latencies, 0.5), Percentile(latencies, 0.99),
            latencies.Count == 0 ? 0 : latencies.Max(), cpuMs, kilobytes);
    }
}
