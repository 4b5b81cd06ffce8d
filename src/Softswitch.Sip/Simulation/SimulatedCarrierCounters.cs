namespace Softswitch.Sip.Simulation;

/// <summary>What a simulated carrier has done so far: INVITEs received and the outcome each one drew.</summary>
public sealed record SimulatedCarrierCounters(long Invites, long Answered, long Busy, long NoAnswer, long Rejected, int Registrations);
