namespace Softswitch.Api.Vos;

/// <summary>GetFeeRateGroup answer (001_… §3.40).</summary>
public sealed record GetFeeRateGroupResponse : VosResponse
{
    public IReadOnlyList<InfoFeeRateGroup> InfoFeeRateGroups { get; init; } = [];
}
