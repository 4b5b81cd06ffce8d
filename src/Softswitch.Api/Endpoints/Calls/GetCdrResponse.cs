using Softswitch.Api.Vos;

namespace Softswitch.Api.Endpoints.Calls;

/// <summary>GetCdr answer (001_… §3.47).</summary>
public sealed record GetCdrResponse : VosResponse
{
    public IReadOnlyList<InfoCdr> InfoCdrs { get; init; } = [];
}
