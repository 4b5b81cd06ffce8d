namespace Softswitch.Sip.Simulation;

/// <summary>The "simulation" section of conf/softswitch.json: the carriers started with the switch.</summary>
public sealed class SimulationOptions
{
    public const string Section = "simulation";

    /// <summary>Simulated carriers started with the switch (docs/simulation.md); more can be created over HTTP.</summary>
    public List<SimulatedCarrierDefinition> Carriers { get; set; } = [];
}
