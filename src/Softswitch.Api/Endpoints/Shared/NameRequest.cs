namespace Softswitch.Api.Endpoints.Shared;

/// <summary>A body naming one object: DeleteGatewayMapping (001_… §3.14), DeleteGatewayRouting (§3.18), *LimitE164Group (§3.67-§3.69).</summary>
public sealed record NameRequest
{
    public string? Name { get; init; }

    /// <summary>Only CreateLimitE164Group / ModifyLimitE164Group carry it (§3.67, §3.68).</summary>
    public string? Memo { get; init; }
}
