using Softswitch.Core.Numbers;

namespace Softswitch.Api.Endpoints.Numbers;

/// <summary>InfoMobileArea (001_… §3.90): request element (nullable, so a missing field is named) and answer element.</summary>
public sealed record InfoMobileArea
{
    public string? MobilePrefix { get; init; }
    public string? AreaCode { get; init; }
    public string? AreaName { get; init; }
    public string? Memo { get; init; }

    // Null fields pass through as null so Core's checks name them; the record's non-null annotations hold after them.
    public MobileArea ToMobileArea() => new(MobilePrefix!, AreaCode!, AreaName ?? "", Memo ?? "");

    public static InfoMobileArea From(MobileArea a) =>
        new() { MobilePrefix = a.MobilePrefix, AreaCode = a.AreaCode, AreaName = a.AreaName, Memo = a.Memo };
}
