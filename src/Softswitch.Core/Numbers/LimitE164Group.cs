namespace Softswitch.Core.Numbers;

/// <summary>
/// A number group (号码群组, 001_… §3.67/§3.70 infoLimitE164Group): a named list of numbers that phones and gateways
/// allow or forbid as callers or callees (callerLimitE164Groups, calleeLimitE164Groups, §3.6, §3.11, §3.16).
/// </summary>
public sealed record LimitE164Group(string Name, string Memo);
