namespace Softswitch.Api.Vos;

/// <summary>GetConsumption answer (001_… §3.64).</summary>
public sealed record GetConsumptionResponse : VosResponse
{
    public IReadOnlyList<InfoConsumption> InfoConsumptions { get; init; } = [];
}
