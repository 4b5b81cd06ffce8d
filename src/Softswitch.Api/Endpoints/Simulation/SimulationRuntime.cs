using Softswitch.Sip.Simulation;

namespace Softswitch.Api.Endpoints.Simulation;

/// <summary>
/// Hands the running <see cref="SimulatedCarrierSet"/> to the HTTP extension: it exists only while the SIP engine
/// runs (its carriers share the engine's timer wheel), so it is set by the trunk hosted service at start.
/// </summary>
public sealed class SimulationRuntime
{
    private volatile SimulatedCarrierSet? _carriers;

    public SimulatedCarrierSet? Carriers
    {
        get => _carriers;
        internal set => _carriers = value;
    }
}
