using Softswitch.Api.Vos;

namespace Softswitch.Api.Endpoints.Numbers;

/// <summary>GetBindedE164 answer (001_… §3.39).</summary>
public sealed record GetBindedE164Response : VosResponse
{
    public IReadOnlyList<InfoBindedE164> InfoBindedE164s { get; init; } = [];
}
