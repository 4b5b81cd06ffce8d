using Softswitch.Api.Vos;

namespace Softswitch.Api.Endpoints.Billing;

/// <summary>GetConsumption answer (001_… §3.64).</summary>
public sealed record GetConsumptionResponse : VosResponse
{
    public IReadOnlyList<InfoConsumption> InfoConsumptions { get; init; } = [];
}
