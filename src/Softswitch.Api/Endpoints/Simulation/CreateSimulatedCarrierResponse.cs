using Softswitch.Api.Vos;

namespace Softswitch.Api.Endpoints.Simulation;

/// <summary>CreateSimulatedCarrier answer: the carrier's name and the port it listens on.</summary>
public sealed record CreateSimulatedCarrierResponse : VosResponse
{
    public string Name { get; init; } = "";

    public int Port { get; init; }
}
