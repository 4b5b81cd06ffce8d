using Microsoft.Extensions.Logging;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Transactions;

namespace Softswitch.Sip.Simulation;

/// <summary>The UAS side of a simulated carrier: which request goes where, and the BYE it sends itself.</summary>
public sealed partial class SimulatedCarrier
{
    public const string Allow = "INVITE, ACK, CANCEL, BYE, OPTIONS, REGISTER, UPDATE, INFO";

    public void OnRequest(ServerTransaction transaction, SipRequest request)
    {
        if (request.Method == SipMethod.Invite && request.To.Tag is null)
        {
            Invite((InviteServerTransaction)transaction, request);
            return;
        }
        SipResponse response = request.Method switch
        {
            SipMethod.Cancel => Cancel(request),
            SipMethod.Bye => Bye(request),
            SipMethod.Register when _registrar is not null => _registrar.Handle(request),
            SipMethod.Options => WithAllow(SipResponseFactory.Create(request, 200, toTag: SipTags.New())),
            // Mid-dialog refreshes (session timer re-INVITE, UPDATE) and INFO: accepted while the call lives.
            SipMethod.Invite or SipMethod.Update or SipMethod.Info => InDialog(request),
            SipMethod.Unknown => WithAllow(SipResponseFactory.Create(request, 501, toTag: SipTags.New())),
            _ => WithAllow(SipResponseFactory.Create(request, 405, toTag: SipTags.New())),
        };
        transaction.SendResponse(response);
    }

    public void OnAck(SipRequest ack, InviteServerTransaction? transaction)
    {
        if (_calls.TryGetValue(ack.CallId, out var call))
        {
            call.Ack();
        }
    }

    public void OnStrayResponse(SipResponse response)
    {
    }

    public void OnTimeout(ServerTransaction transaction)
    {
    }

    public void OnTransportError(ServerTransaction transaction, Exception error) =>
        CarrierLog.SendFailed(Logger, Definition.Name, transaction.CallId, error);

    public void OnResponse(ClientTransaction transaction, SipResponse response)
    {
    }

    public void OnTimeout(ClientTransaction transaction)
    {
    }

    public void OnTransportError(ClientTransaction transaction, Exception error) =>
        CarrierLog.SendFailed(Logger, Definition.Name, transaction.CallId, error);

    /// <summary>Sends the carrier's own BYE for an answered call (§15.1.1), to where the INVITE came from.</summary>
    internal void SendBye(SipRequest invite, string toTag)
    {
        SipUri target = invite.Headers.Get(HeaderKind.Contact) is { } contact && TryTarget(contact, out var uri) ? uri! : invite.From.Uri;
        var bye = new SipRequest(SipMethod.Bye, target);
        bye.Headers.Add(HeaderKind.MaxForwards, "70");
        bye.Headers.Add(HeaderKind.From, invite.Headers.Get(HeaderKind.To) + ";tag=" + toTag);
        bye.Headers.Add(HeaderKind.To, invite.Headers.Get(HeaderKind.From)!);
        bye.Headers.Add(HeaderKind.CallId, invite.CallId);
        bye.Headers.Add(HeaderKind.CSeq, "1 BYE");
        // The UAS route set is the Record-Route list in order (§12.1.1).
        foreach (string route in invite.Headers.GetAll(HeaderKind.RecordRoute))
        {
            bye.Headers.Add(HeaderKind.Route, route);
        }
        CarrierLog.HungUp(Logger, Definition.Name, invite.CallId);
        Layer.SendRequest(bye, invite.Source!);
    }

    private void Invite(InviteServerTransaction transaction, SipRequest request)
    {
        Interlocked.Increment(ref _invites);
        if (_calls.Count >= MaxCalls || _calls.ContainsKey(request.CallId))
        {
            // Over the bound, or a second INVITE on a Call-ID still in use (a loop or a replay): refuse, keep nothing.
            transaction.SendResponse(SipResponseFactory.Create(request, _calls.Count >= MaxCalls ? 503 : 482, toTag: SipTags.New()));
            return;
        }
        var outcome = Picker.Next();
        Count(outcome);
        var call = new SimulatedCall(this, transaction, outcome);
        _calls[request.CallId] = call;
        CarrierLog.Invited(Logger, Definition.Name, outcome, request.CallId);
        call.Start();
    }

    private SipResponse Cancel(SipRequest request)
    {
        if (Layer.FindInviteTransaction(request) is null)
        {
            return SipResponseFactory.Create(request, 481, toTag: SipTags.New());
        }
        if (_calls.TryGetValue(request.CallId, out var call))
        {
            call.Cancel();
        }
        return SipResponseFactory.Create(request, 200, toTag: SipTags.New());
    }

    private SipResponse Bye(SipRequest request)
    {
        if (!_calls.TryGetValue(request.CallId, out var call))
        {
            return SipResponseFactory.Create(request, 481);
        }
        call.Bye();
        return SipResponseFactory.Create(request, 200);
    }

    private SipResponse InDialog(SipRequest request)
    {
        if (!_calls.TryGetValue(request.CallId, out var call) || call.Media is null)
        {
            return SipResponseFactory.Create(request, 481);
        }
        var response = SipResponseFactory.Create(request, 200);
        if (request.Method != SipMethod.Info)
        {
            response.Headers.Add(HeaderKind.Contact, Contact);
            response.Headers.Add(HeaderKind.ContentType, "application/sdp");
            response.Body = SimulatedSdp.Answer(request, call.Media.LocalEndPoint);
        }
        return response;
    }

    private static bool TryTarget(string contact, out SipUri? uri)
    {
        try
        {
            uri = NameAddress.Parse(contact).Uri;
            return true;
        }
        catch (SipFormatException)
        {
            uri = null;
            return false;
        }
    }

    private static SipResponse WithAllow(SipResponse response)
    {
        response.Headers.Add(HeaderKind.Allow, Allow);
        return response;
    }
}

/// <summary>Log lines of the simulated carriers, with the Call-ID on call lines.</summary>
internal static partial class CarrierLog
{
    [LoggerMessage(EventId = 4200, Level = LogLevel.Debug, Message = "Simulated carrier {Carrier}: INVITE drew {Outcome} ({SipCallId})")]
    public static partial void Invited(ILogger logger, string carrier, SimulatedOutcome outcome, string sipCallId);

    [LoggerMessage(EventId = 4201, Level = LogLevel.Debug, Message = "Simulated carrier {Carrier} hangs up after its hold time ({SipCallId})")]
    public static partial void HungUp(ILogger logger, string carrier, string sipCallId);

    [LoggerMessage(EventId = 4202, Level = LogLevel.Warning, Message = "Simulated carrier {Carrier} could not send for {SipCallId}")]
    public static partial void SendFailed(ILogger logger, string carrier, string sipCallId, Exception error);
}
