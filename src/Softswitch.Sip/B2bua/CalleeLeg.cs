using Softswitch.Core.Routing;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Transactions;

namespace Softswitch.Sip.B2bua;

/// <summary>
/// One outbound INVITE of a call (one per target of an attempt: a registered contact of the callee, or a gateway).
/// Its transaction events are posted to the call's mailbox and become leg events; its state changes only through
/// the leg table (<see cref="B2buaCall.LegTable"/>).
/// </summary>
internal sealed class CalleeLeg : IClientTransactionUser
{
    private readonly B2buaCall _call;
    private readonly StateMachine<LegState, LegEvent> _machine;

    public CalleeLeg(B2buaCall call, SipDialog dialog, int attempt)
    {
        _call = call;
        Dialog = dialog;
        Attempt = attempt;
        _machine = new StateMachine<LegState, LegEvent>(B2buaCall.LegTable, LegState.Inviting, (state, e) => call.OnLegRefused(this, state, e));
    }

    public SipDialog Dialog { get; }

    /// <summary>The attempt (1, 2, …) the leg belongs to.</summary>
    public int Attempt { get; }

    public LegState State => _machine.State;

    public InviteClientTransaction? Invite { get; set; }

    /// <summary>The INVITE's final status (2xx, error, 408 for timer B, 503 when it could not be sent); 0 before.</summary>
    public int FinalStatus { get; private set; }

    /// <summary>How the INVITE failed, once <see cref="State"/> is <see cref="LegState.Failed"/>.</summary>
    public AttemptEnd? Failure { get; private set; }

    /// <summary>Digest challenges (401/407) of the gateway this leg answered (RFC 3261 §22.2).</summary>
    public int ChallengesAnswered { get; set; }

    /// <summary>
    /// Where the leg's dialog-forming response came from (its 2xx, or before it the first tagged provisional); with
    /// <see cref="SipDialog.Destination"/>, the peer its in-dialog requests may come from (<see cref="InDialogSourceCheck"/>).
    /// </summary>
    public SipEndPoint? ResponseSource { get; set; }

    /// <summary>RSeq of the last in-order reliable provisional from this leg (RFC 3262 §4); null before the first.</summary>
    public uint? LastRSeq { get; set; }

    /// <summary>Applies <paramref name="e"/> through the leg table; false (and logged, counted) for an unknown pair.</summary>
    public bool Fire(LegEvent e, CallInput input = default)
    {
        if (!_machine.TryMove(e, out var transition))
        {
            return false;
        }
        transition.Handler(_call, input with { Leg = this });
        return true;
    }

    internal void SetFinal(int status, AttemptEnd? failure)
    {
        FinalStatus = status;
        Failure = failure;
    }

    public void OnResponse(ClientTransaction transaction, SipResponse response) => _call.Post(() => _call.OnCalleeResponse(this, response));

    public void OnTimeout(ClientTransaction transaction) =>
        _call.Post(() => Fire(LegEvent.Timeout, new CallInput { Status = 408 }));

    public void OnTransportError(ClientTransaction transaction, Exception error) =>
        _call.Post(() => Fire(LegEvent.TransportError, new CallInput { Status = 503 }));
}
