namespace Softswitch.Core.Numbers;

/// <summary>One number of a number group (001_… §3.71 InfoLimitE164).</summary>
public sealed record LimitE164(string LimitE164GroupName, string E164, string Memo);
