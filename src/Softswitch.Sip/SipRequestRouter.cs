using Microsoft.Extensions.Logging;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Transactions;

namespace Softswitch.Sip;

/// <summary>
/// The transaction user at the top of the stack: refuses what no part of the engine may take (RFC 3261 §8.2, in
/// its order: 501/405 for the method, 416 for the Request-URI scheme, 420 for an unsupported Require, and 483 for
/// a request the switch would pass on with Max-Forwards exhausted), then hands each request to the part of the
/// engine that owns its method, and answers what nothing owns (481 outside any dialog). Before any of that, a request
/// from a source that is not registered passes the per-source rate limit (<see cref="Security.UnauthenticatedLimiter"/>),
/// or is dropped without an answer.
/// </summary>
internal sealed partial class SipRequestRouter(Registrar.Registrar registrar, ILogger<SipRequestRouter> logger) : ISipTransactionUser
{
    private B2bua.B2bua? _b2bua;
    private Messaging.MessageRelay? _messages;

    public void Attach(B2bua.B2bua b2bua) => _b2bua = b2bua;

    public void Attach(Messaging.MessageRelay messages) => _messages = messages;

    private SipTransactionLayer? _layer;
    private Security.UnauthenticatedLimiter? _limiter;

    public void Attach(SipTransactionLayer layer) => _layer = layer;

    public void Attach(Security.UnauthenticatedLimiter limiter) => _limiter = limiter;

    public void OnRequest(ServerTransaction transaction, SipRequest request)
    {
        // A request of a live dialog is the call's business and is never counted (a carrier's BYEs come from an
        // address that never registers); one that matches no dialog is counted below, before it is answered.
        bool inDialog = request.To.Tag is not null && request.Method != SipMethod.Cancel;
        if (!inDialog && !Admitted(transaction, request))
        {
            return;
        }
        if (Refusal(request) is { } refusal)
        {
            if (inDialog && !Admitted(transaction, request))
            {
                return;
            }
            transaction.SendResponse(refusal);
            return;
        }
        if (request.Method == SipMethod.Invite && request.To.Tag is null && _b2bua is not null)
        {
            _b2bua.OnInitialInvite((InviteServerTransaction)transaction, request);
            return;
        }
        if (request.Method == SipMethod.Message && request.To.Tag is null && _messages is not null)
        {
            _messages.OnMessage(transaction, request);
            return;
        }
        if (inDialog && _b2bua is not null && _b2bua.TryHandleInDialog(transaction, request))
        {
            return;
        }
        if (inDialog && !Admitted(transaction, request))
        {
            return;
        }
        SipResponse response = request.Method switch
        {
            SipMethod.Register => registrar.Handle(request),
            SipMethod.Options => Options(request),
            SipMethod.Cancel => Cancel(request),
            // In-dialog requests for a dialog the switch does not have (§12.2.2).
            _ => SipResponseFactory.Create(request, 481, null, SipTags.New()),
        };
        if (request.Method == SipMethod.Register && response.StatusCode == 200 && request.Source is { } source)
        {
            // The registrar answers 200 only to an authenticated REGISTER (§10.3 steps 2-8): this address and port are
            // a registered phone's from now on.
            _limiter?.TrustRegistered(source);
        }
        transaction.SendResponse(response);
    }

    /// <summary>
    /// Counts the request against its source's rate limit; past the limit the transaction ends without any answer
    /// (an answer would go to a forgeable UDP source: docs/hardening.md "Reflection and unauthenticated floods").
    /// </summary>
    private bool Admitted(ServerTransaction transaction, SipRequest request)
    {
        if (_limiter is null || _limiter.Admit(request.Source))
        {
            return true;
        }
        transaction.Abandon();
        LogDropped(request.MethodName, request.CallId, request.Source!.EndPoint);
        return false;
    }

    /// <summary>
    /// The checks every request passes before its owner sees it, in the order of RFC 3261 §8.2 (authentication
    /// comes later, in the owner: none of these answers depends on who is asking). Null when the request may go on.
    /// </summary>
    internal static SipResponse? Refusal(SipRequest request)
    {
        if (request.Method == SipMethod.Unknown)
        {
            return SipCapabilities.WithAllow(SipResponseFactory.Create(request, 501, null, SipTags.New()));
        }
        // §8.2.1: outside a dialog, a method the switch does not implement. Inside one, the call decides (it relays
        // NOTIFY and REFER between the phones of a connected call).
        if (request.To.Tag is null && !SipCapabilities.Methods.Contains(request.Method))
        {
            return SipCapabilities.WithAllow(SipResponseFactory.Create(request, 405, null, SipTags.New()));
        }
        if (request.Method == SipMethod.Cancel)
        {
            // A CANCEL is hop by hop and matches its INVITE, which passed these checks (§8.2.2.3, §9.2).
            return null;
        }
        // §8.2.2.1: an INVITE may dial a tel: URI; nothing else is meaningful outside sip:/sips:.
        if (!request.RequestUri.IsSip && !(request.RequestUri.IsTel && request.Method == SipMethod.Invite))
        {
            return SipResponseFactory.Create(request, 416, null, SipTags.New());
        }
        if (SipCapabilities.UnsupportedRequirements(request) is { Count: > 0 } unsupported)
        {
            var response = SipResponseFactory.Create(request, 420, null, SipTags.New());
            response.Headers.Add(HeaderKind.Unsupported, string.Join(", ", unsupported));
            return response;
        }
        if (IsPassedOn(request.Method) && MaxForwards.IsExhausted(request))
        {
            return SipResponseFactory.Create(request, 483, null, SipTags.New());
        }
        return null;
    }

    /// <summary>
    /// Methods the switch passes on to another hop (a new leg, or the other leg of a call): these carry Max-Forwards
    /// down and stop at 0. REGISTER and OPTIONS end here, CANCEL and PRACK are hop by hop, and a BYE is always
    /// honoured (a hang-up never fails; the BYE sent to the other leg still carries the value down).
    /// </summary>
    internal static bool IsPassedOn(SipMethod method) =>
        method is SipMethod.Invite or SipMethod.Message or SipMethod.Info or SipMethod.Update or SipMethod.Notify or SipMethod.Refer;

    /// <summary>OPTIONS from anywhere: 200 with what the switch accepts (§11.2).</summary>
    private static SipResponse Options(SipRequest request)
    {
        var response = SipCapabilities.WithAllow(SipResponseFactory.Create(request, 200, null, SipTags.New()));
        response.Headers.Add(HeaderKind.Accept, "application/sdp");
        response.Headers.Add(HeaderKind.AcceptEncoding, "identity");
        response.Headers.Add(HeaderKind.AcceptLanguage, "en");
        response.Headers.Add(HeaderKind.Supported, SipCapabilities.Supported);
        return response;
    }

    /// <summary>§9.2: 200 to the CANCEL and 487 to the INVITE it matches; 481 when none matches.</summary>
    private SipResponse Cancel(SipRequest request)
    {
        InviteServerTransaction? invite = _layer?.FindInviteTransaction(request);
        if (invite is null)
        {
            return SipResponseFactory.Create(request, 481, null, SipTags.New());
        }
        if (_b2bua?.TryCancel(invite) == true)
        {
            // The call answers the INVITE 487 and cancels its own legs.
            return SipResponseFactory.Create(request, 200, null, SipTags.New());
        }
        invite.SendResponse(SipResponseFactory.Create(invite.Request, 487, null, SipTags.New()));
        return SipResponseFactory.Create(request, 200, null, SipTags.New());
    }

    public void OnAck(SipRequest ack, InviteServerTransaction? transaction) => _b2bua?.OnAck(ack);

    public void OnStrayResponse(SipResponse response) => LogStray(response.CallId, response.StatusCode);

    public void OnTimeout(ServerTransaction transaction) => LogServerTimeout(transaction.CallId);

    public void OnTransportError(ServerTransaction transaction, Exception error) => LogServerTransportError(transaction.CallId, error);

    public void OnResponse(ClientTransaction transaction, SipResponse response)
    {
    }

    public void OnTimeout(ClientTransaction transaction) => LogClientTimeout(transaction.CallId);

    public void OnTransportError(ClientTransaction transaction, Exception error) => LogClientTransportError(transaction.CallId, error);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Method} {SipCallId} from {Source} dropped: over the per-source limit for unregistered sources")]
    private partial void LogDropped(string method, string sipCallId, System.Net.IPEndPoint source);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Stray response {StatusCode} for {SipCallId} dropped")]
    private partial void LogStray(string sipCallId, int statusCode);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Server transaction {SipCallId} timed out waiting for ACK")]
    private partial void LogServerTimeout(string sipCallId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Response for {SipCallId} could not be sent")]
    private partial void LogServerTransportError(string sipCallId, Exception error);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Client transaction {SipCallId} timed out")]
    private partial void LogClientTimeout(string sipCallId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Request for {SipCallId} could not be sent")]
    private partial void LogClientTransportError(string sipCallId, Exception error);
}
