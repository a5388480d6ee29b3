using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Kanban.Bench.Duplicates;

/// <summary>
/// CPU time of the calling thread (Linux: CLOCK_THREAD_CPUTIME_ID), beside the wall clock: on a
/// shared machine a query's wall time includes the time other processes had the core, its CPU time
/// does not. The embedding runs on the caller's thread (one intra-op thread, sequential), so the
/// query's work is all on this clock. Zero where the clock is not available.
/// </summary>
internal static partial class ThreadClock
{
    private const int ClockThreadCpuTimeId = 3;

    private static readonly bool Available = OperatingSystem.IsLinux() && TryRead(out _);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    /// <summary>The thread's CPU time so far, in milliseconds.</summary>
    public static double Milliseconds() => Available && TryRead(out var ms) ? ms : 0;

    private static bool TryRead(out double milliseconds)
    {
        try
        {
            if (clock_gettime(ClockThreadCpuTimeId, out var spec) == 0)
            {
                milliseconds = spec.Seconds * 1000.0 + spec.Nanoseconds / 1e6;
                return true;
            }
        }
        catch (DllNotFoundException)
        {
        }
        catch (EntryPointNotFoundException)
        {
        }

        milliseconds = 0;
        return false;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int clock_gettime(int clockId, out TimeSpec spec);

    public static bool IsAvailable => Available;

    /// <summary>Wall and CPU time of <paramref name="work"/>, in milliseconds.</summary>
    public static (T Result, double WallMs, double CpuMs) Time<T>(Func<T> work)
    {
        var cpu = Milliseconds();
        var started = Stopwatch.GetTimestamp();
        var result = work();
        return (result, Stopwatch.GetElapsedTime(started).TotalMilliseconds, Milliseconds() - cpu);
    }
}
