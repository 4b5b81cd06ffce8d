using System.Diagnostics;
using Softswitch.Api.Vos;
using Softswitch.Core.Calls;
using Softswitch.Core.Cdrs;

namespace Softswitch.Api.Endpoints;

/// <summary>System interfaces: GetPerformance, 001_… §3.57.</summary>
public static class SystemEndpoints
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapPost("/GetPerformance",
            (HttpContext context, CallRegistry calls, CdrQueue queue, CdrWriter writer, TimeProvider time) =>
                VosPipeline.HandleAsync(context, (_, _) =>
                    Task.FromResult<VosResponse>(new GetPerformanceResponse
                    {
                        InfoPerformance = Measure(calls, queue, writer, time),
                    })));
    }

    private static InfoPerformance Measure(CallRegistry calls, CdrQueue queue, CdrWriter writer, TimeProvider time)
    {
        using var process = Process.GetCurrentProcess();
        return new InfoPerformance
        {
            CallSize = calls.Count,
            CdrQueueSize = queue.Count,
            CdrQueueCapacity = queue.Capacity,
            CdrRefused = queue.Refused,
            CdrWritten = writer.Written,
            MemoryBytes = process.WorkingSet64,
            ManagedMemoryBytes = GC.GetTotalMemory(forceFullCollection: false),
            CpuTimeMs = (long)process.TotalProcessorTime.TotalMilliseconds,
            ProcessorCount = Environment.ProcessorCount,
            UptimeMs = Math.Max(0, (long)(time.GetUtcNow() - process.StartTime.ToUniversalTime()).TotalMilliseconds),
        };
    }
}
