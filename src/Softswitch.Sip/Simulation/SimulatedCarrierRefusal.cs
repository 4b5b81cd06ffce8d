namespace Softswitch.Sip.Simulation;

/// <summary>Why a simulated carrier was not created, naming the field at fault.</summary>
public sealed record SimulatedCarrierRefusal(SimulatedCarrierRefusalKind Kind, string Field, string Reason);

public enum SimulatedCarrierRefusalKind
{
    /// <summary>A field is out of its range or format.</summary>
    Invalid,

    /// <summary>A carrier of that name runs already.</summary>
    Duplicate,

    /// <summary>The address and port cannot be bound (in use, or not on this machine).</summary>
    PortUnavailable,
}
