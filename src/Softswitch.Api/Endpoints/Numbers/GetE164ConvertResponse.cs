using Softswitch.Api.Vos;

namespace Softswitch.Api.Endpoints.Numbers;

/// <summary>GetE164Convert answer (001_… §3.45).</summary>
public sealed record GetE164ConvertResponse : VosResponse
{
    public IReadOnlyList<InfoE164Convert> InfoE164Converts { get; init; } = [];
}
