using Softswitch.Api.Vos;

namespace Softswitch.Api.Endpoints.Numbers;

/// <summary>GetMobileArea answer (001_… §3.92).</summary>
public sealed record GetMobileAreaResponse : VosResponse
{
    public IReadOnlyList<InfoMobileArea> InfoMobileAreas { get; init; } = [];
}
