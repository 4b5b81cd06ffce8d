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

    public SipVia TopVia => _topVia ??= ParseTopVia();

    public NameAddress From => _from ??= NameAddress.Parse(Headers.Get(HeaderKind.From) ?? throw new SipFormatException(SipParseError.MissingHeader, "From"));

    public NameAddress To => _to ??= NameAddress.Parse(Headers.Get(HeaderKind.To) ?? throw new SipFormatException(SipParseError.MissingHeader, "To"));

    public CSeqValue CSeq => _cseq ??= ParseCSeq();

    public string? ContentType => Headers.Get(HeaderKind.ContentType);

    /// <summary>Expires header in seconds, or null when absent or not a number.</summary>
    public int? Expires =>
        int.TryParse(Headers.Get(HeaderKind.Expires), NumberStyles.None, CultureInfo.InvariantCulture, out int v) ? v : null;

    /// <summary>A received Via is parsed from its validated bytes; one set by the engine from its text.</summary>
    private SipVia ParseTopVia()
    {
        int i = Headers.IndexOf(HeaderKind.Via);
        if (i < 0)
        {
            throw new SipFormatException(SipParseError.MissingHeader, "Via");
        }
        // A folded value goes through the text, where folding is already collapsed (RFC 3261 §7.3.1).
        return Headers.IsRawAt(i) && SipVia.IsDirect(Headers.RawValueAt(i))
            ? SipVia.Parse(Headers.RawValueAt(i))
            : SipVia.Parse(Headers.ValueAt(i));
    }

    private CSeqValue ParseCSeq()
    {
        int i = Headers.IndexOf(HeaderKind.CSeq);
        if (i < 0)
        {
            throw new SipFormatException(SipParseError.MissingHeader, "CSeq");
        }
        return Headers.IsRawAt(i) ? CSeqValue.Parse(Headers.RawValueAt(i)) : CSeqValue.Parse(Headers.ValueAt(i));
    }

    /// <summary>Drops the cached typed views after the header list was changed.</summary>
    public void InvalidateParsedHeaders()
    {
        _topVia = null;
        _from = null;
        _to = null;
        _cseq = null;
    }
}
