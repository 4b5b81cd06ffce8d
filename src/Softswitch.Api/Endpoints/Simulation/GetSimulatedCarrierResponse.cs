using Softswitch.Api.Vos;

namespace Softswitch.Api.Endpoints.Simulation;

/// <summary>GetSimulatedCarrier answer.</summary>
public sealed record GetSimulatedCarrierResponse : VosResponse
{
    public IReadOnlyList<InfoSimulatedCarrier> InfoSimulatedCarriers { get; init; } = [];
}
