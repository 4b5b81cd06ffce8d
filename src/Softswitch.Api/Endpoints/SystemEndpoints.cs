using System.Diagnostics;
using Softswitch.Api.Composition;
using Softswitch.Api.Vos;
using Softswitch.Core.Calls;
using Softswitch.Core.Cdrs;

namespace Softswitch.Api.Endpoints;

/// <summary>System interfaces: GetPerformance, 001_… §3.57.</summary>
public static class SystemEndpoints
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapVos<EmptyRequest>("GetPerformance",
            new("3.57", "Concurrent calls and CDR queue length, plus process figures (memory, CPU, uptime).")
            {
                Response = typeof(GetPerformanceResponse),
            },
            (_, context, _) =>
            {
                var services = context.RequestServices;
                return Task.FromResult<VosResponse>(new GetPerformanceResponse
                {
                    InfoPerformance = Measure(services.GetRequiredService<CallRegistry>(),
                        services.GetRequiredService<CdrQueue>(), services.GetRequiredService<CdrWriter>(),
                        services.GetRequiredService<TimeProvider>()),
                });
            });
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
