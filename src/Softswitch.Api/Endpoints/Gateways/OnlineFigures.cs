using Softswitch.Core.Gateways;

namespace Softswitch.Api.Endpoints.Gateways;

/// <summary>How the two online records (001_… §3.15, §3.20) write the figures they share.</summary>
internal static class OnlineFigures
{
    /// <summary>A ratio in percent with two decimals; 0 when nothing concluded in the window (the field is mandatory).</summary>
    public static double Percent(double? ratio) => ratio is { } value ? Math.Round(value, 2) : 0;

    /// <summary>acd in whole seconds (平均通话时长（单位:秒）), rounded; 0 without an ended call.</summary>
    public static long Seconds(TimeSpan? duration) => duration is { } value ? (long)Math.Round(value.TotalSeconds) : 0;

    /// <summary>registerTime: ms since 1970 of the registration; 0 for a static gateway.</summary>
    public static long RegisterTime(GatewayPresenceEntry? p) => p?.RegisteredAt?.ToUnixTimeMilliseconds() ?? 0;

    /// <summary>updateTime: the last refresh of a registered gateway; 0 for a static one.</summary>
    public static long UpdateTime(GatewayPresenceEntry? p) => p?.RegisteredAt is null ? 0 : p.UpdatedAt.ToUnixTimeMilliseconds();

    /// <summary>keepTime: seconds online since the registration; 0 for a static gateway.</summary>
    public static long KeepTime(GatewayPresenceEntry? p, DateTimeOffset now) =>
        p?.RegisteredAt is { } at ? (long)(now - at).TotalSeconds : 0;
}
