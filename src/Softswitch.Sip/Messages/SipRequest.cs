namespace Softswitch.Sip.Messages;

public sealed class SipRequest : SipMessage
{
    public SipRequest(SipMethod method, SipUri requestUri)
        : this(method, method.ToText(), requestUri, new SipHeaders(), ReadOnlyMemory<byte>.Empty)
    {
    }

    public SipRequest(SipMethod method, string methodName, SipUri requestUri, SipHeaders headers, ReadOnlyMemory<byte> body)
        : base(headers, body)
    {
        Method = method;
        MethodName = methodName;
        RequestUri = requestUri;
    }

    public SipMethod Method { get; }

    /// <summary>The method as written on the wire (extension methods keep their name).</summary>
    public string MethodName { get; }

    public SipUri RequestUri { get; set; }

    public override bool IsRequest => true;

    public override string ToString() => $"{MethodName} {RequestUri}";
}
