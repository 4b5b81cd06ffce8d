using System.ComponentModel.DataAnnotations;

namespace Softswitch.Core.Pushes;

/// <summary>
/// The "push" section: where and how the switch delivers its outgoing requests (001_… §4). <see cref="Url"/> is the
/// manual's OUT_POST_URL (§4.1); empty turns pushes off. Durations must be positive.
/// </summary>
public sealed class PushOptions
{
    public const string Section = "push";

    /// <summary>OUT_POST_URL: base URL; the page name (and <see cref="PageSuffix"/>) is appended after a '/'.</summary>
    public string Url { get; set; } = "";

    /// <summary>Appended to the page name (§4: the suffix of the 接口页面 is configurable), e.g. ".do".</summary>
    public string PageSuffix { get; set; } = "";

    /// <summary>First back-off after a failed delivery; doubled on each further failure.</summary>
    public TimeSpan RetryInitialDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest back-off between attempts.</summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>A push not delivered this long after it was published is dropped (and counted).</summary>
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Per-request timeout; a timeout counts as a failed attempt.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>In-memory queue between publishers and the SQLite writer; when full the newest push is dropped.</summary>
    [Range(1, int.MaxValue)]
    public int QueueCapacity { get; set; } = 10_000;

    /// <summary>Stored but undelivered pushes kept at most; beyond this the newest are dropped before storing.</summary>
    [Range(1, int.MaxValue)]
    public int MaxPending { get; set; } = 100_000;

    /// <summary>Pushes written to SQLite per transaction.</summary>
    [Range(1, int.MaxValue)]
    public int BatchSize { get; set; } = 200;

    /// <summary>Requests in flight at once (each on a different lane).</summary>
    [Range(1, 1_000)]
    public int Concurrency { get; set; } = 4;

    public bool Enabled => !string.IsNullOrWhiteSpace(Url);
}
