using Softswitch.Sip.Messages;

namespace Softswitch.Sip.Transactions;

/// <summary>
/// RFC 2543 server-transaction matching (§17.2.3, for a top Via branch without the z9hG4bK cookie): Request-URI,
/// From tag, Call-ID, CSeq number and method, and the top Via's sent-by and transport. The To tag is checked by the
/// transaction itself, because the ACK for a non-2xx carries the tag of the response rather than of the request.
/// </summary>
public readonly record struct LegacyTransactionKey(
    string RequestUri,
    string? FromTag,
    string CallId,
    uint CSeqNumber,
    SipMethod Method,
    string? ExtensionMethod,
    string ViaTransport,
    string ViaHost,
    int? ViaPort)
{
    public static LegacyTransactionKey For(SipRequest request) => For(request, request.Method);

    /// <summary>The key with the method replaced (ACK and CANCEL look up the INVITE, §17.2.3, §9.2).</summary>
    public static LegacyTransactionKey For(SipRequest request, SipMethod method)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (method == SipMethod.Ack)
        {
            method = SipMethod.Invite;
        }
        SipVia via = request.TopVia;
        return new LegacyTransactionKey(
            request.RequestUri.ToString(),
            request.From.Tag,
            request.CallId,
            request.CSeq.Number,
            method,
            method == SipMethod.Unknown ? request.MethodName : null,
            via.Transport.ToUpperInvariant(),
            via.Host.ToLowerInvariant(),
            via.Port);
    }
}
