using Microsoft.Extensions.Logging;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Transactions;

namespace Softswitch.Sip;

/// <summary>
/// The transaction user at the top of the stack: hands each new request to the part of the engine that owns its
/// method, and answers what nothing owns (RFC 3261 §8.2: 416, 420, 405/501, 481).
/// </summary>
internal sealed partial class SipRequestRouter(Registrar.Registrar registrar, ILogger<SipRequestRouter> logger) : ISipTransactionUser
{
    private B2bua.B2bua? _b2bua;

    public void Attach(B2bua.B2bua b2bua) => _b2bua = b2bua;

    public const string Allow = "INVITE, ACK, CANCEL, BYE, OPTIONS, REGISTER, INFO, UPDATE, PRACK";

    private SipTransactionLayer? _layer;

    public void Attach(SipTransactionLayer layer) => _layer = layer;

    public void OnRequest(ServerTransaction transaction, SipRequest request)
    {
        if (request.Method == SipMethod.Invite && request.To.Tag is null && _b2bua is not null)
        {
            _b2bua.OnInitialInvite((InviteServerTransaction)transaction, request);
            return;
        }
        if (request.To.Tag is not null && request.Method != SipMethod.Cancel && _b2bua is not null && _b2bua.TryHandleInDialog(transaction, request))
        {
            return;
        }
        SipResponse response = request.Method switch
        {
            SipMethod.Register => registrar.Handle(request),
            SipMethod.Options => Options(request),
            SipMethod.Cancel => Cancel(request),
            // In-dialog requests for a dialog the switch does not have (§12.2.2).
            SipMethod.Bye or SipMethod.Info or SipMethod.Update or SipMethod.Prack or SipMethod.Invite =>
                SipResponseFactory.Create(request, 481, null, SipTags.New()),
            SipMethod.Unknown => WithAllow(SipResponseFactory.Create(request, 501, null, SipTags.New())),
            _ => WithAllow(SipResponseFactory.Create(request, 405, null, SipTags.New())),
        };
        transaction.SendResponse(response);
    }

    /// <summary>OPTIONS from anywhere: 200 with what the switch accepts (§11.2).</summary>
    private static SipResponse Options(SipRequest request)
    {
        var response = WithAllow(SipResponseFactory.Create(request, 200, null, SipTags.New()));
        response.Headers.Add(HeaderKind.Accept, "application/sdp");
        response.Headers.Add(HeaderKind.AcceptEncoding, "identity");
        response.Headers.Add(HeaderKind.AcceptLanguage, "en");
        response.Headers.Add(HeaderKind.Supported, "replaces, timer");
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

    private static SipResponse WithAllow(SipResponse response)
    {
        response.Headers.Add(HeaderKind.Allow, Allow);
        return response;
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
