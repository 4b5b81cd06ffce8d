using Softswitch.Sip.Simulation;

namespace Softswitch.Api.Endpoints.Simulation;

/// <summary>One simulated carrier as GetSimulatedCarrier reports it: its definition, the port it listens on, and its counters.</summary>
public sealed record InfoSimulatedCarrier
{
    public required SimulatedCarrierDefinition Definition { get; init; }

    /// <summary>The port actually bound (the definition's port, or the one picked for 0).</summary>
    public int ListenPort { get; init; }

    public int ActiveCalls { get; init; }

    public long Invites { get; init; }

    public long Answered { get; init; }

    public long Busy { get; init; }

    public long NoAnswer { get; init; }

    public long Rejected { get; init; }

    /// <summary>Live bindings at its registrar (registrarUser set).</summary>
    public int Registrations { get; init; }

    /// <summary>Its own registration to the switch (registerTo set): Registering, Registered, BackingOff…; null otherwise.</summary>
    public string? RegistrationState { get; init; }

    public static InfoSimulatedCarrier From(SimulatedCarrier carrier)
    {
        ArgumentNullException.ThrowIfNull(carrier);
        var counters = carrier.Counters;
        return new InfoSimulatedCarrier
        {
            Definition = carrier.Definition,
            ListenPort = carrier.Port,
            ActiveCalls = carrier.ActiveCalls,
            Invites = counters.Invites,
            Answered = counters.Answered,
            Busy = counters.Busy,
            NoAnswer = counters.NoAnswer,
            Rejected = counters.Rejected,
            Registrations = counters.Registrations,
            RegistrationState = carrier.RegistrationState?.ToString(),
        };
    }
}
