namespace Softswitch.Core.Cdrs;

/// <summary>Sizes of the CDR path (docs/architecture.md: CDRs go through a bounded queue to a batch writer).</summary>
public sealed class CdrQueueOptions
{
    /// <summary>How many CDRs may wait for the writer; beyond it the queue refuses rather than block a call.</summary>
    public int Capacity { get; set; } = 100_000;

    /// <summary>The most CDRs written in one transaction.</summary>
    public int BatchSize { get; set; } = 500;

    /// <summary>Pause before retrying a batch whose write failed (store busy or unavailable).</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);
}
