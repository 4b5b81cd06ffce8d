using Softswitch.Api.Vos;

namespace Softswitch.Api.Endpoints.Billing;

/// <summary>GetFeeRateGroup answer (001_… §3.40).</summary>
public sealed record GetFeeRateGroupResponse : VosResponse
{
    public IReadOnlyList<InfoFeeRateGroup> InfoFeeRateGroups { get; init; } = [];
}
