using System.Globalization;

namespace Softswitch.Sip.Messages;

/// <summary>A SIP request or response: start line, header fields and body (RFC 3261 §7).</summary>
public abstract class SipMessage
{
    private SipVia? _topVia;
    private NameAddress? _from;
    private NameAddress? _to;
    private CSeqValue? _cseq;

    protected SipMessage(SipHeaders headers, ReadOnlyMemory<byte> body)
    {
        Headers = headers;
        Body = body;
    }

    public SipHeaders Headers { get; }

    public ReadOnlyMemory<byte> Body { get; set; }

    public abstract bool IsRequest { get; }

    /// <summary>Where it came from (set by the transport on receipt), for received/rport and responses.</summary>
    public SipEndPoint? Source { get; set; }

    public string CallId => Headers.Get(HeaderKind.CallId) ?? string.Empty;

    public SipVia TopVia => _topVia ??= SipVia.Parse(Headers.Get(HeaderKind.Via) ?? throw new SipFormatException(SipParseError.MissingHeader, "Via"));

    public NameAddress From => _from ??= NameAddress.Parse(Headers.Get(HeaderKind.From) ?? throw new SipFormatException(SipParseError.MissingHeader, "From"));

    public NameAddress To => _to ??= NameAddress.Parse(Headers.Get(HeaderKind.To) ?? throw new SipFormatException(SipParseError.MissingHeader, "To"));

    public CSeqValue CSeq => _cseq ??= CSeqValue.Parse(Headers.Get(HeaderKind.CSeq) ?? throw new SipFormatException(SipParseError.MissingHeader, "CSeq"));

    public string? ContentType => Headers.Get(HeaderKind.ContentType);

    /// <summary>Expires header in seconds, or null when absent or not a number.</summary>
    public int? Expires =>
        int.TryParse(Headers.Get(HeaderKind.Expires), NumberStyles.None, CultureInfo.InvariantCulture, out int v) ? v : null;

    /// <summary>Drops the cached typed views after the header list was changed.</summary>
    public void InvalidateParsedHeaders()
    {
        _topVia = null;
        _from = null;
        _to = null;
        _cseq = null;
    }
}
