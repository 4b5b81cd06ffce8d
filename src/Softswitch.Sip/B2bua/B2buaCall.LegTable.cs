using Softswitch.Core.Routing;
using Softswitch.Core.Calls;
using Softswitch.Sip.Messages;

namespace Softswitch.Sip.B2bua;

/// <summary>
/// The leg table: every legal (state, event) pair of one callee leg, its next state and its handler. A leg tells the
/// bridge only what the bridge must know (progress, answer and failure while it is Inviting or Proceeding, the BYE of an
/// answered leg); after the bridge gave it up it finishes on its own (CANCEL, ACK and BYE of a 2xx that crossed it).
/// </summary>
internal sealed partial class B2buaCall
{
    internal static readonly TransitionTable<LegState, LegEvent> LegTable = new(LegRows());

    private static IEnumerable<Transition<LegState, LegEvent>> LegRows()
    {
        static Transition<LegState, LegEvent> Row(LegState from, LegEvent e, LegState to, string why, Action<B2buaCall, CallInput> handler) =>
            new(from, e, to, why, handler);
        static void Absorb(B2buaCall call, CallInput input)
        {
        }

        foreach (var from in (LegState[])[LegState.Inviting, LegState.Proceeding])
        {
            yield return Row(from, LegEvent.Provisional, LegState.Proceeding, "1xx: PRACKed if reliable, then relayed by the bridge",
                static (c, i) => c.OnLegProvisional(i));
            yield return Row(from, LegEvent.Success, LegState.Answered, "2xx: the bridge takes the answer",
                static (c, i) =>
                {
                    i.Leg!.SetFinal(i.Status, null);
                    c.Fire(BridgeEvent.LegAnswered, i);
                });
            yield return Row(from, LegEvent.Failure, LegState.Failed, "final error response", static (c, i) => c.FailLeg(i, AttemptEnd.FinalResponse));
            yield return Row(from, LegEvent.Timeout, LegState.Failed, "timer B: 408", static (c, i) => c.FailLeg(i, AttemptEnd.NoResponse));
            yield return Row(from, LegEvent.TransportError, LegState.Failed, "INVITE not sent: 503 (RFC 3261 §8.1.3.1)",
                static (c, i) => c.FailLeg(i, AttemptEnd.TransportFailure));
            yield return Row(from, LegEvent.RemoteBye, from, "BYE on an early dialog: answered 200, the INVITE goes on", Absorb);
        }
        yield return Row(LegState.Inviting, LegEvent.Abandon, LegState.CancelPending, "no CANCEL before a provisional (RFC 3261 §9.1)", Absorb);
        yield return Row(LegState.Proceeding, LegEvent.Abandon, LegState.Cancelling, "CANCEL sent", static (c, i) => c.SendCancel(i.Leg!));
        yield return Row(LegState.CancelPending, LegEvent.Provisional, LegState.Cancelling, "the first 1xx: PRACKed if reliable, CANCEL sent",
            static (c, i) =>
            {
                c.AcceptCalleeProvisional(i.Leg!, i.Response!);
                c.SendCancel(i.Leg!);
            });
        yield return Row(LegState.Cancelling, LegEvent.Provisional, LegState.Cancelling, "1xx crossing the CANCEL: PRACKed if reliable, not relayed",
            static (c, i) => c.AcceptCalleeProvisional(i.Leg!, i.Response!));
        foreach (var from in (LegState[])[LegState.CancelPending, LegState.Cancelling])
        {
            yield return Row(from, LegEvent.Success, LegState.Terminated, "2xx crossing the CANCEL: ACK, then BYE",
                static (c, i) => c.AckAndBye(i));
            yield return Row(from, LegEvent.Failure, LegState.Failed, "final response (487 to the CANCEL)", static (_, i) => RecordLegEnd(i, AttemptEnd.FinalResponse));
            yield return Row(from, LegEvent.Timeout, LegState.Failed, "timer B", static (_, i) => RecordLegEnd(i, AttemptEnd.NoResponse));
            yield return Row(from, LegEvent.TransportError, LegState.Failed, "transport error", static (_, i) => RecordLegEnd(i, AttemptEnd.TransportFailure));
            yield return Row(from, LegEvent.Abandon, from, "already given up", Absorb);
            yield return Row(from, LegEvent.RemoteBye, from, "BYE on an early dialog: answered 200", Absorb);
        }
        yield return Row(LegState.Answered, LegEvent.Ack, LegState.Confirmed, "ACK for the 2xx (with the caller's answer to a late offer)",
            static (c, i) => c.AckLeg(i));
        yield return Row(LegState.Answered, LegEvent.Success, LegState.Answered, "retransmitted 2xx: the ACK waits for the caller's answer", Absorb);
        yield return Row(LegState.Confirmed, LegEvent.Ack, LegState.Confirmed, "the caller's ACK again: ACK again", static (c, i) => c.AckLeg(i));
        yield return Row(LegState.Confirmed, LegEvent.Success, LegState.Confirmed, "retransmitted 2xx: our ACK was lost, ACK again",
            static (c, i) => c.AckLeg(i));
        foreach (var from in (LegState[])[LegState.Answered, LegState.Confirmed])
        {
            yield return Row(from, LegEvent.Abandon, LegState.Terminated, "BYE", static (c, i) => c.SendBye(i.Leg!.Dialog, i.Request));
            yield return Row(from, LegEvent.RemoteBye, LegState.Terminated, "the callee hung up: the bridge is told",
                static (c, i) => c.Fire(BridgeEvent.CalleeBye, i));
        }
        yield return Row(LegState.Failed, LegEvent.Success, LegState.Terminated, "2xx after the leg failed or its attempt was given up: ACK, then BYE",
            static (c, i) => c.AckAndBye(i));
        yield return Row(LegState.Terminated, LegEvent.Success, LegState.Terminated, "retransmitted 2xx of a dialog already hung up: ACK again",
            static (c, i) => c.AckLeg(i));
        foreach (var from in (LegState[])[LegState.Failed, LegState.Terminated])
        {
            yield return Row(from, LegEvent.Abandon, from, "nothing left to end", Absorb);
            yield return Row(from, LegEvent.RemoteBye, from, "BYE for a dialog already over: answered 200", Absorb);
        }
    }

    /// <summary>(Inviting or Proceeding, Provisional): accepted provisionals go to the bridge.</summary>
    private void OnLegProvisional(CallInput input)
    {
        if (AcceptCalleeProvisional(input.Leg!, input.Response!))
        {
            Fire(BridgeEvent.LegProgress, input);
        }
    }

    /// <summary>(Inviting or Proceeding, a failure): the bridge learns that a leg of its attempt failed.</summary>
    private void FailLeg(CallInput input, AttemptEnd how)
    {
        RecordLegEnd(input, how);
        Fire(BridgeEvent.LegFailed, input);
    }

    private static void RecordLegEnd(CallInput input, AttemptEnd how) => input.Leg!.SetFinal(input.Status, how);

    private void SendCancel(CalleeLeg leg)
    {
        var cancel = leg.Invite!.CreateCancel();
        _owner.Transactions.SendRequest(cancel, leg.Dialog.Destination, NoResponseExpected.Instance);
    }

    /// <summary>ACK for the leg's 2xx: the CSeq of the 2xx, or of the INVITE when the caller's ACK triggers it.</summary>
    private void AckLeg(CallInput input)
    {
        var leg = input.Leg!;
        SendCalleeAck(leg, input.Response?.CSeq.Number ?? leg.Invite!.Request.CSeq.Number);
    }

    /// <summary>A 2xx that lost, or came after the call or the leg was given up: the dialog it created is unwanted.</summary>
    private void AckAndBye(CallInput input)
    {
        if (input.Leg!.FinalStatus == 0)
        {
            input.Leg.SetFinal(input.Status, null);
        }
        AckLeg(input);
        SendBye(input.Leg!.Dialog);
    }
}
