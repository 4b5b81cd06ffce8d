using Softswitch.Core.Calls;

namespace Softswitch.Sip.B2bua;

/// <summary>
/// The bridge table: every legal (state, event) pair of a call, its next state and its handler. Rows that keep the
/// state with nothing to do absorb what may legitimately arrive late (a timer that fired as it was stopped, a CANCEL
/// that crossed the 200); any other pair is a bug of the bridge, refused, logged with the Call-ID and counted.
/// </summary>
internal sealed partial class B2buaCall
{
    internal static readonly TransitionTable<BridgeState, BridgeEvent> BridgeTable = new(BridgeRows());

    /// <summary>Answered or Connected: the caller has its 200, in-dialog requests are relayed.</summary>
    private bool IsUp => State is BridgeState.Answered or BridgeState.Connected;

    /// <summary>Before the caller's 200: a re-INVITE gets 491, an UPDATE is relayed in the early dialogs.</summary>
    private bool IsSettingUp => State is BridgeState.Routing or BridgeState.Calling or BridgeState.Rerouting or BridgeState.AnswerHeld;

    private static IEnumerable<Transition<BridgeState, BridgeEvent>> BridgeRows()
    {
        static Transition<BridgeState, BridgeEvent> Row(BridgeState from, BridgeEvent e, BridgeState to, string why, Action<B2buaCall, CallInput> handler) =>
            new(from, e, to, why, handler);
        static Transition<BridgeState, BridgeEvent> Keep(BridgeState state, BridgeEvent e, string why) => new(state, e, state, why, static (_, _) => { });

        const BridgeState Routing = BridgeState.Routing, Calling = BridgeState.Calling, Rerouting = BridgeState.Rerouting,
            AnswerHeld = BridgeState.AnswerHeld, Answered = BridgeState.Answered, Connected = BridgeState.Connected, Ended = BridgeState.Ended;
        BridgeState[] settingUp = [Routing, Calling, AnswerHeld], up = [Answered, Connected];

        yield return Row(Routing, BridgeEvent.AttemptStarted, Calling, "first attempt: INVITE to every target (InviteSent)", static (c, i) => c.StartAttempt(i));
        yield return Row(Rerouting, BridgeEvent.AttemptStarted, Calling, "next attempt: INVITE to every target (Rerouted)", static (c, i) => c.StartAttempt(i));
        yield return Row(Rerouting, BridgeEvent.Fail, Ended, "no next attempt: the last outcome's status to the caller",
            static (c, i) => c.FinishBeforeAnswer(i));
        yield return Row(Calling, BridgeEvent.LegProgress, Calling, "1xx relayed to the caller; the set-up stage moves", static (c, i) => c.RelayProvisional(i));
        yield return Row(Calling, BridgeEvent.LegAnswered, AnswerHeld, "the first 2xx wins: ACK, the other legs given up, then released or held",
            static (c, i) => c.TakeAnswer(i));
        yield return Row(Calling, BridgeEvent.LegFailed, Calling, "a leg failed; AttemptFailed when it was the attempt's last", static (c, i) => c.OnLegFailed(i));
        yield return Row(Calling, BridgeEvent.AttemptFailed, Rerouting, "the attempt's outcome goes to the attempt source", static (c, i) => c.NextAttempt(i));
        yield return Row(Calling, BridgeEvent.SetupTimeout, Rerouting, "the attempt's legs given up; its outcome goes to the attempt source",
            static (c, i) => c.OnAttemptTimedOut(i));
        yield return Row(AnswerHeld, BridgeEvent.SetupTimeout, Ended, "a leg answered but the caller never PRACKed: the stage's status",
            static (c, i) => c.FinishBeforeAnswer(i));
        yield return Row(AnswerHeld, BridgeEvent.AnswerReleased, Answered, "the caller's 200 (SDP rewritten); call timers start",
            static (c, i) => c.CompleteAnswer(i));
        yield return Row(AnswerHeld, BridgeEvent.CalleeBye, Ended, "the answered leg hung up while its 2xx was held: 480",
            static (c, i) => c.FinishBeforeAnswer(new CallInput { Status = SipStatusFor(EndReason.CalleeRejected), Reason = EndReason.CalleeRejected }));
        foreach (var from in (BridgeState[])[Calling, AnswerHeld])
        {
            yield return Row(from, BridgeEvent.ReliableTimer, from, "reliable provisional retransmitted; 504 after 64*T1 (Fail)",
                static (c, i) => c.OnReliableTimer());
            yield return Keep(from, BridgeEvent.SessionExpired, "session timers run from the answer only");
            yield return Keep(from, BridgeEvent.RelayTimedOut, "an early UPDATE timed out: the set-up goes on");
        }
        foreach (var from in settingUp)
        {
            yield return Row(from, BridgeEvent.CallerCancel, Ended, "487 to the caller, every leg given up", static (c, i) => c.CancelByCaller());
            yield return Row(from, BridgeEvent.CallerBye, Ended, "BYE on the early dialog: as a CANCEL (RFC 3261 §15)", static (c, i) => c.CancelByCaller());
            yield return Row(from, BridgeEvent.Hangup, Ended, "ended by the switch before answer: the reason's status", static (c, i) => c.FinishBeforeAnswer(i));
            yield return Row(from, BridgeEvent.Fail, Ended, "fails before answer: the status to the caller, every leg given up",
                static (c, i) => c.FinishBeforeAnswer(i));
            yield return Keep(from, BridgeEvent.CallerAck, "an ACK before any 2xx: nothing to acknowledge");
        }
        yield return Row(Answered, BridgeEvent.CallerAck, Connected, "the 200 is no longer retransmitted; a late-offer answer goes to the callee",
            static (c, i) => c.AckFromCaller(i));
        yield return Row(Connected, BridgeEvent.CallerAck, Connected, "a repeated ACK", static (c, i) => c.AckFromCaller(i));
        yield return Row(Answered, BridgeEvent.OkTimer, Answered, "200 retransmitted (UDP); BYE both legs at 64*T1 without ACK, any transport (Hangup)",
            static (c, i) => c.OnOkTimer());
        yield return Keep(Connected, BridgeEvent.OkTimer, "the timer fired as the ACK stopped it");
        yield return Row(Connected, BridgeEvent.KeepAlive, Connected, "OPTIONS in each leg's dialog (one outstanding per leg); re-armed",
            static (c, i) => c.SendKeepAlives());
        yield return Row(Connected, BridgeEvent.LegDead, Ended, "a leg answered its OPTIONS 408 or 481, or nothing within 64*T1: BYE both legs",
            static (c, i) => c.ByeBoth(i));
        foreach (var from in up)
        {
            yield return Row(from, BridgeEvent.CallerBye, Ended, "BYE to the answered leg", static (c, i) => c.ByeFromCaller(i));
            yield return Row(from, BridgeEvent.CalleeBye, Ended, "BYE to the caller", static (c, i) => c.ByeFromCallee(i));
            yield return Row(from, BridgeEvent.Hangup, Ended, "ended by the switch: BYE both legs", static (c, i) => c.ByeBoth(i));
            yield return Row(from, BridgeEvent.MaxDuration, Ended, "maxCallDurationSeconds: BYE both legs", static (c, i) => c.ByeBoth(i));
            yield return Row(from, BridgeEvent.SessionExpired, Ended, "no session refresh (RFC 4028 §10): BYE both legs", static (c, i) => c.ByeBoth(i));
            yield return Row(from, BridgeEvent.RelayTimedOut, Ended, "408 to an in-dialog request (RFC 3261 §12.2.1.2): BYE both legs",
                static (c, i) => c.ByeBoth(i));
            yield return Row(from, BridgeEvent.MediaCheck, from, "RTP checked; BYE both legs when idle too long (Hangup)", static (c, i) => c.OnMediaCheck());
            yield return Keep(from, BridgeEvent.CallerCancel, "CANCEL after the 200: too late, the INVITE is answered (RFC 3261 §9.2)");
            yield return Keep(from, BridgeEvent.SetupTimeout, "the timer fired as the answer stopped it");
            yield return Keep(from, BridgeEvent.ReliableTimer, "the timer fired as the answer stopped it");
        }
        foreach (var e in (BridgeEvent[])[BridgeEvent.CallerCancel, BridgeEvent.CallerBye, BridgeEvent.CallerAck, BridgeEvent.Hangup,
            BridgeEvent.SetupTimeout, BridgeEvent.ReliableTimer, BridgeEvent.OkTimer, BridgeEvent.MaxDuration, BridgeEvent.SessionExpired,
            BridgeEvent.MediaCheck, BridgeEvent.RelayTimedOut, BridgeEvent.KeepAlive, BridgeEvent.LegDead])
        {
            yield return Keep(Ended, e, "after the end: absorbed (retransmissions, crossing requests, timers already posted)");
        }
    }
}
