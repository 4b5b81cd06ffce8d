using Softswitch.Core.Calls;

namespace Softswitch.Sip.B2bua;

/// <summary>
/// The bridge drives the Core call model (the keepTime state machine, docs/call-states.md) from here only: one trigger
/// per SIP event, and at the end exactly one CDR through the recorder. A trigger the Core table refuses is a bug of the
/// bridge: it is logged with the Call-ID and counted (<see cref="B2bua.RefusedTransitions"/>), never ignored.
/// </summary>
internal sealed partial class B2buaCall
{
    private Call? _record;

    /// <summary>The Core call (VOS3000 callId, state, CDR fields); created once the caller is authenticated.</summary>
    public bool HasRecord => _record is not null;

    public Call Record => _record ?? throw new InvalidOperationException("the call record is not created yet");

    public void CreateRecord()
    {
        var invite = CallerInvite;
        var local = _owner.LocalEndPoint(Caller.Destination.Transport);
        _record = _owner.Services.Registry.Create(new CallSetup
        {
            CallerE164 = Parties.CallerE164,
            CalleeE164 = Parties.CalleeE164,
            CallerAccessE164 = Parties.CallerAccessE164,
            CalleeAccessE164 = Parties.CalleeAccessE164,
            CallerIp = Parties.CallerAddress.Address.ToString(),
            CallerPort = Parties.CallerAddress.Port,
            CallerLocalIp = local.Address.ToString(),
            Account = Parties.Account,
            CallerGateway = Parties.CallerGateway,
            CallerProductId = invite.Headers.Get(Messages.HeaderKind.UserAgent) ?? "",
            CallerSipCallId = invite.CallId,
        });
    }

    /// <summary>Where the attempt's INVITE went (its first fork), then InviteSent for the first attempt, Rerouted after.</summary>
    private void OnInviteSent(CalleeLeg first, CallAttempt attempt, bool rerouted)
    {
        Record.SetCalleeLeg(new Core.Calls.CalleeLeg
        {
            CalleeE164 = rerouted ? null : Parties.CalleeE164,
            CallerToGatewayE164 = (attempt.From ?? Parties.CalleeSideFrom).Uri.User,
            CalleeToGatewayE164 = (attempt.To ?? Parties.CalleeSideTo).Uri.User,
            CalleeIp = first.Dialog.Destination.EndPoint.Address.ToString(),
            CalleePort = first.Dialog.Destination.EndPoint.Port,
            CalleeLocalIp = _owner.LocalEndPoint(first.Dialog.Destination.Transport).Address.ToString(),
            CalleeGateway = attempt.Gateway,
            CalleeSipCallId = first.Dialog.CallId,
        });
        FireRecord(rerouted ? CallTrigger.Rerouted : CallTrigger.InviteSent);
    }

    private void OnTryingReceived() => FireRecord(CallTrigger.TryingReceived);

    private void OnProvisionalReceived(int status, bool withSdp) => FireRecord(status switch
    {
        180 or 181 or 182 => CallTrigger.RingingReceived,
        _ => withSdp ? CallTrigger.ProgressSdpReceived : CallTrigger.ProgressReceived,
    });

    private void OnAnswered(Messages.SipResponse answer)
    {
        var leg = _winner!;
        _attempt?.Attempt.Ticket?.Answered();
        _callerTicket?.Answered();
        Record.SetCalleeLeg(new Core.Calls.CalleeLeg
        {
            // calleeProductId / calleeTerminal: the answering phone's Server (or User-Agent) header.
            CalleeProductId = answer.Headers.Get(Messages.HeaderKind.Server) ?? answer.Headers.Get(Messages.HeaderKind.UserAgent),
            CalleeIp = leg.Dialog.Destination.EndPoint.Address.ToString(),
            CalleePort = leg.Dialog.Destination.EndPoint.Port,
            CalleeSipCallId = leg.Dialog.CallId,
        });
        FireRecord(CallTrigger.Answered);
        // Written behind the call path; a crash from here on still ends in a CDR and a BYE per leg (docs/crash-recovery.md).
        _owner.Services.Journal?.Answered(Record, [B2bua.Journal(Caller), B2bua.Journal(leg.Dialog)]);
    }

    internal void FireRecord(CallTrigger trigger)
    {
        var state = Record.State;
        if (!Record.Fire(trigger))
        {
            _owner.OnRefusedTransition(Caller.CallId, "record", state.ToString(), trigger.ToString());
        }
    }

    /// <summary>Ends the record with its reason and hands it to the CDR recorder (one CDR per call).</summary>
    private void OnEnded(EndReason reason)
    {
        CloseGatewayRecords(reason);
        if (_record is null)
        {
            return;
        }
        var state = _record.State;
        if (!_record.End(reason))
        {
            _owner.OnRefusedTransition(Caller.CallId, "record", state.ToString(), reason.ToString());
        }
        _owner.Services.Recorder.Complete(_record);
    }
}
