namespace Softswitch.Sip.Messages;

public sealed class SipRequest : SipMessage
{
    public SipRequest(SipMethod method, SipUri requestUri)
        : this(method, method.ToText(), requestUri, new SipHeaders(), ReadOnlyMemory<byte>.Empty)
    {
    }

    private SipUri? _requestUri;
    private ReadOnlyMemory<byte> _rawRequestUri;

    public SipRequest(SipMethod method, string methodName, SipUri requestUri, SipHeaders headers, ReadOnlyMemory<byte> body)
        : base(headers, body)
    {
        Method = method;
        MethodName = methodName;
        _requestUri = requestUri;
    }

    /// <summary>
    /// Used by the parser: the Request-URI stays as validated bytes and becomes a <see cref="SipUri"/> on first
    /// read, since a proxy or registrar that only routes on headers never needs it (and it is half of what a parse
    /// would allocate).
    /// </summary>
    internal SipRequest(SipMethod method, string methodName, ReadOnlyMemory<byte> rawRequestUri, SipHeaders headers, ReadOnlyMemory<byte> body)
        : base(headers, body)
    {
        Method = method;
        MethodName = methodName;
        _rawRequestUri = rawRequestUri;
    }

    public SipMethod Method { get; }

    /// <summary>The method as written on the wire (extension methods keep their name).</summary>
    public string MethodName { get; }

    public SipUri RequestUri
    {
        get => _requestUri ??= SipUri.Parse(System.Text.Encoding.UTF8.GetString(_rawRequestUri.Span));
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            _requestUri = value;
            _rawRequestUri = default;
        }
    }

    /// <summary>The Request-URI bytes as received while <see cref="RequestUri"/> was neither read nor set; else empty.</summary>
    internal ReadOnlySpan<byte> RawRequestUri => _requestUri is null ? _rawRequestUri.Span : default;

    public override bool IsRequest => true;

    public override string ToString() => $"{MethodName} {RequestUri}";
}
