namespace Softswitch.Core.Billing;

/// <summary>
/// InfoAvailableTime / InfoIvrSecondAvailableTime (001_… §3.62-§3.63). <see cref="TimeRemain"/> &gt; 0 is seconds,
/// &lt; 0 the negated end reason (docs/end-reasons.md) that would refuse the call. The account fields are null when
/// no account was found. <see cref="TimeRemainRoutingGateway"/> is set only when a routing gateway was asked about.
/// </summary>
public sealed record AvailableTime(string? Account, string? AccountName, decimal? AccountMoney, int TimeRemain,
    int? TimeRemainRoutingGateway = null);
