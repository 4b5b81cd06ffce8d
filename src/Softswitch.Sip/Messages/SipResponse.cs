namespace Softswitch.Sip.Messages;

public sealed class SipResponse : SipMessage
{
    public SipResponse(int statusCode, string reasonPhrase)
        : this(statusCode, reasonPhrase, new SipHeaders(), ReadOnlyMemory<byte>.Empty)
    {
    }

    public SipResponse(int statusCode, string reasonPhrase, SipHeaders headers, ReadOnlyMemory<byte> body)
        : base(headers, body)
    {
        StatusCode = statusCode;
        ReasonPhrase = reasonPhrase;
    }

    public int StatusCode { get; }

    public string ReasonPhrase { get; }

    public override bool IsRequest => false;

    public bool IsProvisional => StatusCode < 200;

    public bool IsSuccess => StatusCode is >= 200 and < 300;

    public override string ToString() => $"{StatusCode} {ReasonPhrase}";
}
