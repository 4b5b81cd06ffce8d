using Microsoft.Extensions.Time.Testing;
using Softswitch.Core.Calls;

namespace Softswitch.Tests.Core.Calls;

/// <summary>Calls on a fake clock, with every event recorded, and a way to drive a call into any state.</summary>
internal sealed class CallFixture
{
    public CallFixture()
    {
        Events.StateReported += Reports.Add;
        Events.TransitionRefused += Refusals.Add;
        Registry = new CallRegistry(Time, Events);
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.Zero));
    public CallEvents Events { get; } = new();
    public CallRegistry Registry { get; }
    public List<CallStateReport> Reports { get; } = [];
    public List<RefusedTransition> Refusals { get; } = [];

    public static CallSetup Setup(string caller = "1001", string callee = "1002", string account = "acme",
        string? callerGateway = null) => new()
    {
        CallerE164 = caller,
        CalleeE164 = callee,
        CallerIp = "192.0.2.10",
        CallerPort = 5062,
        Account = account,
        CallerGateway = callerGateway,
        CallerSipCallId = $"sip-{caller}-{callee}",
    };

    public Call NewCall(CallSetup? setup = null) => new(Registry.NextCallId(), setup ?? Setup(), Time, Events);

    /// <summary>A representative end reason for each ending trigger.</summary>
    public static EndReason ReasonFor(CallTrigger trigger) => trigger switch
    {
        CallTrigger.Hangup => EndReason.CallerHangup,
        CallTrigger.Cancel => EndReason.CallerCancelled,
        CallTrigger.Fail => EndReason.CalleeBusy,
        CallTrigger.Abort => EndReason.DisconnectedByManagement,
        _ => throw new ArgumentOutOfRangeException(nameof(trigger)),
    };

    /// <summary>Fires a trigger the way the B2BUA would: progress through Fire, endings through End.</summary>
    public static bool Apply(Call call, CallTrigger trigger) =>
        CallStateMachine.IsEnding(trigger) ? call.End(ReasonFor(trigger)) : call.Fire(trigger);

    /// <summary>A new call driven along the usual path into <paramref name="state"/>.</summary>
    public Call CallIn(CallState state)
    {
        var call = NewCall();
        CallTrigger[] path = state switch
        {
            CallState.Authorising => [],
            CallState.Invite => [CallTrigger.InviteSent],
            CallState.Trying => [CallTrigger.InviteSent, CallTrigger.TryingReceived],
            CallState.SessionProgress => [CallTrigger.InviteSent, CallTrigger.ProgressReceived],
            CallState.SessionProgressSdp => [CallTrigger.InviteSent, CallTrigger.ProgressSdpReceived],
            CallState.Ringing => [CallTrigger.InviteSent, CallTrigger.RingingReceived],
            CallState.Connected => [CallTrigger.InviteSent, CallTrigger.Answered],
            CallState.Released => [CallTrigger.Abort],
            _ => throw new ArgumentOutOfRangeException(nameof(state)),
        };
        foreach (var trigger in path)
        {
            Assert.That(Apply(call, trigger), Is.True, $"setting up {state}: {trigger}");
        }
        Assert.That(call.State, Is.EqualTo(state));
        return call;
    }
}
