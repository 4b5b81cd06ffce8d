namespace Softswitch.Core.Gateways;

/// <summary>
/// The manual's comma-separated list fields (remoteIps, prefix, *Prefixes, *LimitE164Groups, …; 001_… §3.11
/// "逗号分隔"): items trimmed, empty items dropped, so "a, b," and "a,b" mean the same.
/// </summary>
public static class GatewayLists
{
    public static IReadOnlyList<string> Split(string? list) =>
        string.IsNullOrWhiteSpace(list)
            ? []
            : list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}
