namespace Softswitch.Api.Endpoints.Numbers;

/// <summary>CreateMobileArea (001_… §3.90), DeleteMobileArea (§3.91) and GetMobileArea (§3.92) bodies.</summary>
public sealed record MobileAreaRequest
{
    public IReadOnlyList<InfoMobileArea>? InfoMobileAreas { get; init; }
    public IReadOnlyList<string>? MobilePrefixes { get; init; }
    public string? MobilePrefix { get; init; }
}
