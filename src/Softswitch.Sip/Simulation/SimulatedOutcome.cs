namespace Softswitch.Sip.Simulation;

/// <summary>What a simulated carrier does with one INVITE.</summary>
public enum SimulatedOutcome
{
    Answer,
    Busy,
    NoAnswer,
    Reject,
}
