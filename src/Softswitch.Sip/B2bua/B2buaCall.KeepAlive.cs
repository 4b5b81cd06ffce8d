using Softswitch.Core.Calls;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Timers;
using Softswitch.Sip.Transactions;

namespace Softswitch.Sip.B2bua;

/// <summary>
/// In-dialog OPTIONS keep-alives toward both legs of a connected call (issue 12, "Dead legs"; Kamailio's dialog module
/// sends the same): a far end that vanished without BYE (crashed phone, carrier that dropped the call, NAT binding
/// gone) would otherwise hold the call, its lines and its bill until maxCallDurationSeconds. Every keepAliveSeconds
/// each leg gets an OPTIONS in its dialog, unless its previous one is still outstanding. A leg that answers 408 or 481
/// (RFC 3261 §12.2.1.2: the dialog is gone) or not at all (timer F, 64*T1; or a transport error) is dead; any other
/// final response, 200 or 405/501 or even 4xx, came from the dialog's peer and proves it alive. A dead leg is noticed
/// within keepAliveSeconds + 64*T1 (62 s with the defaults) and ends the call: BYE to both legs, end reason
/// CallerKeepAliveFailed or CalleeKeepAliveFailed, its CDR.
/// </summary>
internal sealed partial class B2buaCall
{
    private TimerHandle _keepAliveTimer;
    private KeepAliveProbe? _callerProbe;
    private KeepAliveProbe? _calleeProbe;

    private TimeSpan KeepAliveInterval => TimeSpan.FromSeconds(_owner.Options.KeepAliveSeconds);

    /// <summary>
    /// On the caller's first ACK: both dialogs are confirmed, so requests may go in them (before the ACK the 200 is
    /// still being retransmitted, and its own 64*T1 rule ends a caller that is gone).
    /// </summary>
    private void StartKeepAlive()
    {
        if (_owner.Options.KeepAliveSeconds > 0 && _keepAliveTimer.IsNone)
        {
            _keepAliveTimer = Wheel.Schedule(KeepAliveInterval, this, (int)CallTimer.KeepAlive);
        }
    }

    /// <summary>(Connected, KeepAlive): OPTIONS to each leg with no probe outstanding, then the timer again.</summary>
    private void SendKeepAlives()
    {
        _callerProbe ??= Probe(CallSide.Caller, Caller);
        if (_winner is { } leg)
        {
            _calleeProbe ??= Probe(CallSide.Callee, leg.Dialog);
        }
        _keepAliveTimer = Wheel.Schedule(KeepAliveInterval, this, (int)CallTimer.KeepAlive);
    }

    private KeepAliveProbe Probe(CallSide side, SipDialog dialog)
    {
        var options = dialog.CreateRequest(SipMethod.Options);
        options.Headers.Add(HeaderKind.UserAgent, B2bua.UserAgent);
        var probe = new KeepAliveProbe(this, side);
        _owner.Transactions.SendRequest(options, dialog.Destination, probe);
        return probe;
    }

    /// <summary>
    /// A probe's outcome, on the mailbox: <paramref name="status"/> is the final response's, 0 for no response (timer F
    /// or a transport error). A dead leg fires <see cref="BridgeEvent.LegDead"/>; after the end the table absorbs it.
    /// </summary>
    internal void OnKeepAliveResult(KeepAliveProbe probe, int status)
    {
        if (probe.Side == CallSide.Caller ? probe != _callerProbe : probe != _calleeProbe)
        {
            return;
        }
        if (probe.Side == CallSide.Caller)
        {
            _callerProbe = null;
        }
        else
        {
            _calleeProbe = null;
        }
        if (status is 0 or 408 or 481)
        {
            var reason = probe.Side == CallSide.Caller ? EndReason.CallerKeepAliveFailed : EndReason.CalleeKeepAliveFailed;
            _owner.LogLegDead(Caller.CallId, probe.Side, status);
            Fire(BridgeEvent.LegDead, new CallInput { Reason = reason });
        }
    }
}

/// <summary>One keep-alive OPTIONS: its final response, timeout or transport error goes to the call's mailbox.</summary>
internal sealed class KeepAliveProbe(B2buaCall call, CallSide side) : IClientTransactionUser
{
    public CallSide Side { get; } = side;

    public void OnResponse(ClientTransaction transaction, SipResponse response)
    {
        if (response.StatusCode >= 200)
        {
            call.Post(() => call.OnKeepAliveResult(this, response.StatusCode));
        }
    }

    public void OnTimeout(ClientTransaction transaction) => call.Post(() => call.OnKeepAliveResult(this, 0));

    public void OnTransportError(ClientTransaction transaction, Exception error) => call.Post(() => call.OnKeepAliveResult(this, 0));
}
