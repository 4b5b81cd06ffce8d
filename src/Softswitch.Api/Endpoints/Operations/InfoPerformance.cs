namespace Softswitch.Api.Endpoints.Operations;

/// <summary>
/// InfoPerformance (001_… §3.57): callSize and cdrQueueSize are the manual's. The other fields are this
/// project's additions (clients ignore unknown fields), all measured by the process: CDR counters, memory,
/// CPU time and uptime, and the overload shedding figures.
/// </summary>
public sealed record InfoPerformance
{
    /// <summary>Live calls (concurrency).</summary>
    public int CallSize { get; init; }

    /// <summary>CDRs waiting for the batch writer.</summary>
    public int CdrQueueSize { get; init; }

    public int CdrQueueCapacity { get; init; }

    /// <summary>CDRs refused because the queue was full or closed, since start.</summary>
    public long CdrRefused { get; init; }

    /// <summary>CDRs written to the store since start.</summary>
    public long CdrWritten { get; init; }

    /// <summary>Process working set, bytes.</summary>
    public long MemoryBytes { get; init; }

    /// <summary>Managed heap in use, bytes.</summary>
    public long ManagedMemoryBytes { get; init; }

    /// <summary>Total processor time used by the process, ms.</summary>
    public long CpuTimeMs { get; init; }

    public int ProcessorCount { get; init; }

    /// <summary>Time since the process started, ms.</summary>
    public long UptimeMs { get; init; }

    /// <summary>New requests answered 503 by overload shedding since start (docs/hardening.md "Overload").</summary>
    public long OverloadShed { get; init; }

    /// <summary>Share of new calls the load-adaptive rule admits now, percent (100 when not overloaded).</summary>
    public int OverloadAdmittedPercent { get; init; }

    /// <summary>SIP server transactions held now (bounded by sip.overload.maxServerTransactions).</summary>
    public int ServerTransactions { get; init; }
}
