using System.Collections.Frozen;

namespace Softswitch.Core.Calls;

/// <summary>
/// The one transition table of the call (docs/architecture.md "State machines", after
/// Kamailio's next_state_dlg): every legal (state, trigger) pair and where it leads. A pair that is not here is
/// refused by <see cref="Call"/> and logged, never applied. docs/call-states.md is rendered from <see cref="Transitions"/>.
/// </summary>
public static class CallStateMachine
{
    /// <summary>The states a call waits in for the callee's answer, after INVITE went out.</summary>
    private static readonly CallState[] Early =
        [CallState.Invite, CallState.Trying, CallState.SessionProgress, CallState.SessionProgressSdp, CallState.Ringing];

    /// <summary>Every state in lifecycle order (the order of docs/call-states.md).</summary>
    public static IReadOnlyList<CallState> States => Lifecycle;

    private static readonly CallState[] Lifecycle =
    [
        CallState.Authorising, CallState.Invite, CallState.Trying, CallState.SessionProgress,
        CallState.SessionProgressSdp, CallState.Ringing, CallState.Connected, CallState.Released,
    ];

    /// <summary>Every legal transition, in reading order (by state, then trigger).</summary>
    public static readonly IReadOnlyList<CallTransition> Transitions = Build();

    private static readonly FrozenDictionary<(CallState, CallTrigger), CallTransition> ByPair =
        Transitions.ToFrozenDictionary(t => (t.From, t.Trigger));

    /// <summary>The transition for the pair, or false when the pair is illegal.</summary>
    public static bool TryGet(CallState state, CallTrigger trigger, out CallTransition transition) =>
        ByPair.TryGetValue((state, trigger), out transition);

    /// <summary>True for the triggers that end a call (they need an <see cref="EndReason"/>).</summary>
    public static bool IsEnding(CallTrigger trigger) =>
        trigger is CallTrigger.Hangup or CallTrigger.Cancel or CallTrigger.Fail or CallTrigger.Abort;

    private static CallTransition[] Build()
    {
        var rows = new List<CallTransition>
        {
            new(CallState.Authorising, CallTrigger.InviteSent, CallState.Invite, CallAction.None,
                "authorised and routed; INVITE sent to the callee"),
        };
        foreach (var from in Early)
        {
            // RFC 3261 §13.2.2.1: provisional responses may arrive in any order and repeat (forking, loss,
            // reordering over UDP), so any 1xx may follow any other 1xx before answer. The exception is 100
            // Trying after an 18x: it is hop-by-hop and says nothing new, so it is accepted without moving back.
            rows.Add(new(from, CallTrigger.TryingReceived, from is CallState.Invite ? CallState.Trying : from,
                CallAction.None, from is CallState.Invite or CallState.Trying
                    ? "100 Trying" : "late 100 Trying: accepted, state kept"));
            rows.Add(new(from, CallTrigger.ProgressReceived, CallState.SessionProgress, CallAction.None,
                "183 without SDP"));
            rows.Add(new(from, CallTrigger.ProgressSdpReceived, CallState.SessionProgressSdp, CallAction.None,
                "183 with SDP (early media)"));
            rows.Add(new(from, CallTrigger.RingingReceived, CallState.Ringing, CallAction.None, "180 Ringing"));
            rows.Add(new(from, CallTrigger.Answered, CallState.Connected, CallAction.StampConnect,
                "2xx: the call is up"));
            rows.Add(new(from, CallTrigger.Rerouted, CallState.Invite, CallAction.None,
                "attempt failed over: INVITE sent to the next route"));
        }
        rows.Add(new(CallState.Connected, CallTrigger.Answered, CallState.Connected, CallAction.None,
            "retransmitted or forked 2xx (RFC 3261 §13.2.2.4): acknowledged, state kept"));
        foreach (var from in (CallState[])[CallState.Authorising, .. Early])
        {
            rows.Add(new(from, CallTrigger.Cancel, CallState.Released, CallAction.StampStop,
                "caller CANCEL before answer"));
            rows.Add(new(from, CallTrigger.Fail, CallState.Released, CallAction.StampStop,
                "attempt failed before answer"));
        }
        rows.Add(new(CallState.Connected, CallTrigger.Hangup, CallState.Released, CallAction.StampStop,
            "BYE from either side"));
        foreach (var from in (CallState[])[CallState.Authorising, .. Early, CallState.Connected])
        {
            rows.Add(new(from, CallTrigger.Abort, CallState.Released, CallAction.StampStop,
                "ended by the switch"));
        }
        return rows.OrderBy(r => Array.IndexOf(Lifecycle, r.From)).ThenBy(r => r.Trigger).ToArray();
    }
}
