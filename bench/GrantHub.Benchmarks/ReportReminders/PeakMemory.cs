using System.Diagnostics;

namespace GrantHub.Benchmarks.ReportReminders;

/// <summary>Samples the process's working set on a thread of its own until stopped, and keeps the highest value.</summary>
internal sealed class PeakMemory : IDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(10);

    private readonly Process _process = Process.GetCurrentProcess();
    private readonly Thread _sampler;
    private volatile bool _stopped;
    private long _peak;

    private PeakMemory()
    {
        _sampler = new Thread(Sample) { IsBackground = true, Name = "peak-memory" };
        _sampler.Start();
    }

    public static PeakMemory Start() => new();

    public long Stop()
    {
        _stopped = true;
        _sampler.Join();
        return Interlocked.Read(ref _peak);
    }

    public void Dispose()
    {
        if (!_stopped)
        {
            Stop();
        }

        _process.Dispose();
    }

    private void Sample()
    {
        while (true)
        {
            _process.Refresh();
            Interlocked.Exchange(ref _peak, Math.Max(Interlocked.Read(ref _peak), _process.WorkingSet64));
            if (_stopped)
            {
                return;
            }

            Thread.Sleep(Interval);
        }
    }
}
