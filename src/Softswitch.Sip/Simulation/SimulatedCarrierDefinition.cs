namespace Softswitch.Sip.Simulation;

/// <summary>
/// One simulated carrier as conf/softswitch.json ("simulation:carriers") and POST
/// /external/simulation/CreateSimulatedCarrier define it: where it listens and how it treats each INVITE. The four
/// percentages draw each call's outcome (like a real carrier's ASR) and must add up to 100.
/// See docs/simulation.md.
/// </summary>
public sealed class SimulatedCarrierDefinition
{
    /// <summary>Unique name (letters, digits, '-', '_', '.'); also the user part of its Contact.</summary>
    public string Name { get; set; } = "";

    /// <summary>Loopback address to listen on (127.0.0.0/8 or ::1): a simulated carrier never listens outside the machine.</summary>
    public string BindAddress { get; set; } = "127.0.0.1";

    /// <summary>UDP and TCP port; 0 picks a free one (reported by GetSimulatedCarrier).</summary>
    public int Port { get; set; }

    /// <summary>Share of calls answered with 200 after <see cref="AnswerDelayMilliseconds"/>.</summary>
    public int AnswerPercent { get; set; } = 100;

    /// <summary>Share of calls refused 486 Busy Here.</summary>
    public int BusyPercent { get; set; }

    /// <summary>Share of calls that ring (180) until the caller gives up (CANCEL → 487).</summary>
    public int NoAnswerPercent { get; set; }

    /// <summary>Share of calls refused with <see cref="RejectStatus"/>.</summary>
    public int RejectPercent { get; set; }

    /// <summary>Final status of a rejected call (400-699, e.g. 404, 480, 503, 603).</summary>
    public int RejectStatus { get; set; } = 503;

    /// <summary>Retry-After (seconds) sent with the rejection (RFC 3261 §20.33); null sends none.</summary>
    public int? RetryAfterSeconds { get; set; }

    /// <summary>Ringing time before an answered call gets its 200.</summary>
    public int AnswerDelayMilliseconds { get; set; }

    /// <summary>Rings with 183 Session Progress and SDP (early media) instead of 180 without.</summary>
    public bool EarlyMedia { get; set; }

    /// <summary>How long an answered call lasts before the carrier sends BYE; 0 = until the caller hangs up.</summary>
    public int HoldMilliseconds { get; set; }

    /// <summary>When above <see cref="HoldMilliseconds"/>, each call holds a random time between the two.</summary>
    public int HoldMaxMilliseconds { get; set; }

    /// <summary>"echo" reflects received RTP to its source; "silent" receives and drops it.</summary>
    public string Media { get; set; } = "echo";

    /// <summary>Seed of the outcome and hold draws; null seeds from the system (set it for reproducible tests).</summary>
    public int? Seed { get; set; }

    /// <summary>When set, REGISTERs are accepted with this user and <see cref="RegistrarPassword"/> (digest challenge
    /// first): the carrier end of a registerType 2 routing gateway.</summary>
    public string? RegistrarUser { get; set; }

    public string? RegistrarPassword { get; set; }

    /// <summary>When set ("ip:port" of the switch), the carrier registers there as a dynamic mapping gateway
    /// (registerType 1) with <see cref="RegisterUser"/> / <see cref="RegisterPassword"/>.</summary>
    public string? RegisterTo { get; set; }

    public string? RegisterUser { get; set; }

    public string? RegisterPassword { get; set; }

    /// <summary>Expires asked for when registering to the switch.</summary>
    public int RegisterExpiresSeconds { get; set; } = 3600;

    public SimulatedCarrierDefinition Copy() => (SimulatedCarrierDefinition)MemberwiseClone();
}
