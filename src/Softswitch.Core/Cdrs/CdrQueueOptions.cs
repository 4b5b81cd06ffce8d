using System.ComponentModel.DataAnnotations;

namespace Softswitch.Core.Cdrs;

/// <summary>The "cdr" section: sizes of the CDR path (docs/architecture.md: CDRs go through a bounded queue to a batch writer).</summary>
public sealed class CdrQueueOptions
{
    public const string Section = "cdr";

    /// <summary>How many CDRs may wait for the writer; beyond it the queue refuses rather than block a call.</summary>
    [Range(1, 10_000_000)]
    public int Capacity { get; set; } = 100_000;

    /// <summary>The most CDRs written in one transaction.</summary>
    [Range(1, 100_000)]
    public int BatchSize { get; set; } = 500;

    /// <summary>Pause before retrying a batch whose write failed (store busy or unavailable).</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);
}
