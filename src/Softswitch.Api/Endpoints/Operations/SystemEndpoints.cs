using System.Diagnostics;
using Microsoft.Extensions.Options;
using Softswitch.Api.Composition;
using Softswitch.Api.Endpoints.Shared;
using Softswitch.Api.Hosting;
using Softswitch.Api.Vos;
using Softswitch.Core.Calls;
using Softswitch.Core.Cdrs;
using Softswitch.Core.Store;
using Softswitch.Sip.Transport;

namespace Softswitch.Api.Endpoints.Operations;

/// <summary>System interfaces: GetSoftSwitch (001_… §3.56) and GetPerformance (§3.57).</summary>
public static class SystemEndpoints
{
    private const string SoftSwitchName = "softswitch";

    public static void Map(RouteGroupBuilder group)
    {
        group.MapVos<EmptyRequest>("GetSoftSwitch",
            new("3.56", "This softswitch: host name, database creation time, process start time and SIP address.")
            {
                Response = typeof(GetSoftSwitchResponse),
            },
            async (_, context, ct) => new GetSoftSwitchResponse
            {
                InfoSoftSwitches =
                [
                    await DescribeAsync(context.RequestServices.GetRequiredService<ISystemStore>(),
                        context.RequestServices.GetRequiredService<IOptions<SipTransportOptions>>().Value, ct),
                ],
            });

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
                        services.GetRequiredService<TimeProvider>(), services.GetService<SipHostedService>()),
                });
            });
    }

    /// <summary>
    /// The manual does not say where these come from; here: name is fixed, identification is the host name,
    /// createTime is when the database was first created (so it survives restarts), accessTime is when this process
    /// started, accessAddress is the SIP address (advertised, else bound) and port, memo names the build.
    /// </summary>
    private static async Task<InfoSoftSwitch> DescribeAsync(ISystemStore store, SipTransportOptions sip, CancellationToken ct)
    {
        using var process = Process.GetCurrentProcess();
        return new InfoSoftSwitch
        {
            Name = SoftSwitchName,
            Identification = Environment.MachineName,
            CreateTime = await store.GetCreateTimeAsync(ct),
            AccessTime = new DateTimeOffset(process.StartTime.ToUniversalTime()).ToUnixTimeMilliseconds(),
            AccessAddress = $"{sip.AdvertisedAddress ?? sip.BindAddress}:{sip.Port}",
            Memo = $"Softswitch {typeof(SystemEndpoints).Assembly.GetName().Version}, SIP over UDP and TCP",
        };
    }

    private static InfoPerformance Measure(CallRegistry calls, CdrQueue queue, CdrWriter writer, TimeProvider time, SipHostedService? sip)
    {
        using var process = Process.GetCurrentProcess();
        var engine = sip is { IsListening: true } ? sip.Engine : null;
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
            OverloadShed = engine?.Overload.ShedTotal ?? 0,
            OverloadAdmittedPercent = engine is null ? 100 : (int)Math.Round(engine.Overload.AdmittedShare * 100),
            ServerTransactions = engine?.Transactions.ServerCount ?? 0,
        };
    }
}
