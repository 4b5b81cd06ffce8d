using Softswitch.Api.Vos;

namespace Softswitch.Api.Endpoints.Numbers;

/// <summary>GetLimitE164 answer (001_… §3.73).</summary>
public sealed record GetLimitE164Response : VosResponse
{
    public IReadOnlyList<InfoLimitE164> InfoLimitE164s { get; init; } = [];
}
