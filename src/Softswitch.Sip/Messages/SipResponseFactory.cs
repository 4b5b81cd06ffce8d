namespace Softswitch.Sip.Messages;

/// <summary>Builds responses to a request (RFC 3261 §8.2.6.2): Via, From, To, Call-ID and CSeq copied.</summary>
public static class SipResponseFactory
{
    public static SipResponse Create(SipRequest request, int statusCode, string? reasonPhrase = null, string? toTag = null)
    {
        var headers = new SipHeaders();
        for (int i = request.Headers.IndexOf(HeaderKind.Via); i >= 0; i = request.Headers.IndexOf(HeaderKind.Via, i + 1))
        {
            headers.Add(HeaderKind.Via, request.Headers.ValueAt(i));
        }
        headers.Add(HeaderKind.From, request.Headers.Get(HeaderKind.From) ?? string.Empty);
        string to = request.Headers.Get(HeaderKind.To) ?? string.Empty;
        if (toTag is not null && statusCode > 100 && request.To.Tag is null)
        {
            to += ";tag=" + toTag;
        }
        headers.Add(HeaderKind.To, to);
        headers.Add(HeaderKind.CallId, request.CallId);
        headers.Add(HeaderKind.CSeq, request.Headers.Get(HeaderKind.CSeq) ?? string.Empty);
        return new SipResponse(statusCode, reasonPhrase ?? ReasonPhrases.For(statusCode), headers, ReadOnlyMemory<byte>.Empty);
    }
}

public static class ReasonPhrases
{
    public static string For(int code) => code switch
    {
        100 => "Trying",
        180 => "Ringing",
        181 => "Call Is Being Forwarded",
        182 => "Queued",
        183 => "Session Progress",
        200 => "OK",
        202 => "Accepted",
        301 => "Moved Permanently",
        302 => "Moved Temporarily",
        400 => "Bad Request",
        401 => "Unauthorized",
        402 => "Payment Required",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        406 => "Not Acceptable",
        407 => "Proxy Authentication Required",
        408 => "Request Timeout",
        410 => "Gone",
        413 => "Request Entity Too Large",
        414 => "Request-URI Too Long",
        415 => "Unsupported Media Type",
        416 => "Unsupported URI Scheme",
        420 => "Bad Extension",
        421 => "Extension Required",
        422 => "Session Interval Too Small",
        423 => "Interval Too Brief",
        429 => "Too Many Requests",
        480 => "Temporarily Unavailable",
        481 => "Call/Transaction Does Not Exist",
        482 => "Loop Detected",
        483 => "Too Many Hops",
        484 => "Address Incomplete",
        485 => "Ambiguous",
        486 => "Busy Here",
        487 => "Request Terminated",
        488 => "Not Acceptable Here",
        491 => "Request Pending",
        500 => "Server Internal Error",
        501 => "Not Implemented",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Server Time-out",
        505 => "Version Not Supported",
        513 => "Message Too Large",
        600 => "Busy Everywhere",
        603 => "Decline",
        604 => "Does Not Exist Anywhere",
        606 => "Not Acceptable",
        _ => code switch
        {
            < 200 => "Session Progress",
            < 300 => "OK",
            < 400 => "Redirect",
            < 500 => "Client Error",
            < 600 => "Server Error",
            _ => "Global Failure",
        },
    };
}
