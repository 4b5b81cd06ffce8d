namespace Softswitch.Core.Phones;

/// <summary>InfoPhoneValueAddedPeriodForwarding (001_… §3.6): one time-of-day forwarding window.</summary>
public sealed record PhoneValueAddedPeriodForwarding
{
    /// <summary>Days it applies, comma separated, 0 = Sunday; default "0,1,2,3,4,5,6".</summary>
    public string? WeekOfDay { get; init; }

    /// <summary>Window start, seconds after midnight, 0-86400 (default 0).</summary>
    public int? BeginSecondInDay { get; init; }

    /// <summary>Window end, seconds after midnight, 0-86400 (default 86400).</summary>
    public int? EndSecondInDay { get; init; }
    public PhoneValueAddedForwardE164? ForwardE164 { get; init; }
}
