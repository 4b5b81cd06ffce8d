using System.Globalization;

namespace Softswitch.Sip.Sdp;

/// <summary>
/// One media description: the m= line and the lines under it up to the next m= (RFC 4566 §5.14). The m= line
/// is <c>&lt;media&gt; &lt;port&gt;[/&lt;count&gt;] &lt;proto&gt; &lt;fmt&gt; ...</c>; a port of 0 marks a stream that
/// was rejected or disabled (RFC 3264 §6, §8.2).
/// </summary>
public sealed class SdpMedia
{
    private readonly List<SdpLine> _lines;
    private readonly string[] _formats;
    private int _port;

    internal SdpMedia(List<SdpLine> lines, string mediaType, int port, int? portCount, string protocol, string[] formats)
    {
        _lines = lines;
        MediaType = mediaType;
        _port = port;
        PortCount = portCount;
        Protocol = protocol;
        _formats = formats;
    }

    /// <summary>All lines of this description in order, the m= line first.</summary>
    public IReadOnlyList<SdpLine> Lines => _lines;

    /// <summary>audio, video, text, application, message (RFC 4566 §5.14).</summary>
    public string MediaType { get; }

    public bool IsAudio => MediaType == "audio";

    /// <summary>The RTP port; setting it rewrites the m= line.</summary>
    public int Port
    {
        get => _port;
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, 65_535);
            _port = value;
            _lines[0] = new SdpLine('m', FormatMediaLine());
        }
    }

    /// <summary>The "/count" of hierarchical encodings (RFC 4566 §5.14), rarely sent.</summary>
    public int? PortCount { get; }

    /// <summary>RTP/AVP, RTP/SAVP, RTP/AVPF, UDP/TLS/RTP/SAVPF, udp, ...</summary>
    public string Protocol { get; }

    /// <summary>RTP payload types carried in the fmt list (RFC 4566 §5.14 "RTP/AVP" and its profiles).</summary>
    public bool IsRtp => Protocol.Contains("RTP/", StringComparison.Ordinal);

    public IReadOnlyList<string> Formats => _formats;

    /// <summary>The payload types in offer preference order (RFC 3264 §5.1); empty for non-RTP streams.</summary>
    public IReadOnlyList<int> PayloadTypes => IsRtp
        ? Array.ConvertAll(_formats, f => int.Parse(f, NumberStyles.None, CultureInfo.InvariantCulture))
        : [];

    /// <summary>The media-level c= (the first one), which overrides the session-level one (RFC 4566 §5.7).</summary>
    public SdpConnection? Connection
    {
        get
        {
            foreach (SdpLine line in _lines)
            {
                if (line.Type == 'c' && SdpConnection.TryParse(line.Value, out SdpConnection? c))
                {
                    return c;
                }
            }
            return null;
        }
    }

    /// <summary>The media-level direction attribute, or null when the session level (or the default) applies.</summary>
    public SdpDirection? Direction => SdpAttributes.Direction(_lines);

    /// <summary>The port of a=rtcp (RFC 3605 §2.1), or null when RTCP is on port + 1 (RFC 3550 §11).</summary>
    public int? RtcpPort
    {
        get
        {
            string? value = Attribute("rtcp");
            if (value is null)
            {
                return null;
            }
            int space = value.IndexOf(' ', StringComparison.Ordinal);
            string port = space < 0 ? value : value[..space];
            return int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out int p) && p <= 65_535
                ? p
                : null;
        }
    }

    /// <summary>The codecs of the fmt list, in order; payload types with no known encoding are left out.</summary>
    public IReadOnlyList<SdpCodec> Codecs
    {
        get
        {
            var codecs = new List<SdpCodec>(_formats.Length);
            foreach (int pt in PayloadTypes)
            {
                if (Codec(pt) is { } codec)
                {
                    codecs.Add(codec);
                }
            }
            return codecs;
        }
    }

    /// <summary>The value of the first media-level a=name: "" for a flag, null if absent.</summary>
    public string? Attribute(string name) => SdpAttributes.Find(_lines, name);

    /// <summary>
    /// The encoding of a payload type: a=rtpmap wins (RFC 4566 §6; it may even rename a static type), else the
    /// RFC 3551 static table; null for a dynamic type without rtpmap.
    /// </summary>
    public SdpCodec? Codec(int payloadType)
    {
        foreach (string rtpmap in SdpAttributes.FindAll(_lines, "rtpmap"))
        {
            if (TryParseRtpmap(rtpmap, out SdpCodec? codec) && codec!.PayloadType == payloadType)
            {
                return codec;
            }
        }
        return SdpStaticPayloadTypes.Lookup(payloadType);
    }

    public SdpMedia Clone() => new([.. _lines], MediaType, _port, PortCount, Protocol, _formats);

    /// <summary>
    /// A copy offering only the payload types <paramref name="keep"/> accepts (a codec restriction, RFC 3264 §5.1):
    /// the fmt list shrinks and the a=rtpmap / a=fmtp / a=rtcp-fb lines of the dropped types go with it. A payload type
    /// without a known encoding is dropped.
    /// </summary>
    public SdpMedia Restricted(Func<SdpCodec, bool> keep)
    {
        var kept = new List<string>(_formats.Length);
        var dropped = new HashSet<string>(StringComparer.Ordinal);
        foreach (string format in _formats)
        {
            bool keeps = int.TryParse(format, NumberStyles.None, CultureInfo.InvariantCulture, out int pt) && Codec(pt) is { } codec && keep(codec);
            (keeps ? (ICollection<string>)kept : dropped).Add(format);
        }
        var lines = new List<SdpLine>(_lines.Count);
        foreach (var line in _lines)
        {
            if (line.Type == 'a' && PayloadTypeOf(line.Value) is { } pt && dropped.Contains(pt))
            {
                continue;
            }
            lines.Add(line);
        }
        var media = new SdpMedia(lines, MediaType, _port, PortCount, Protocol, [.. kept]);
        media._lines[0] = new SdpLine('m', media.FormatMediaLine());
        return media;
    }

    /// <summary>The payload type an rtpmap, fmtp or rtcp-fb attribute is about; null for any other attribute.</summary>
    private static string? PayloadTypeOf(string attribute)
    {
        int colon = attribute.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0 || attribute[..colon] is not ("rtpmap" or "fmtp" or "rtcp-fb"))
        {
            return null;
        }
        int space = attribute.IndexOf(' ', colon);
        return space < 0 ? attribute[(colon + 1)..] : attribute[(colon + 1)..space];
    }

    /// <summary>
    /// Points every media-level c= at this connection, except c=0.0.0.0, which is a hold request (RFC 3264 §8.4)
    /// the other leg must still see; returns whether there was one.
    /// </summary>
    internal bool ReplaceConnections(SdpConnection connection)
    {
        bool found = false;
        for (int i = 0; i < _lines.Count; i++)
        {
            if (_lines[i].Type == 'c' && !IsNullConnection(_lines[i].Value))
            {
                _lines[i] = new SdpLine('c', connection.Format());
                found = true;
            }
        }
        return found;
    }

    /// <summary>Rewrites a=rtcp (RFC 3605): the port, and the address when the attribute carries one.</summary>
    internal void ReplaceRtcp(int port, SdpConnection connection)
    {
        for (int i = 0; i < _lines.Count; i++)
        {
            if (_lines[i].Type == 'a' && SdpAttributes.Matches(_lines[i].Value, "rtcp", out string? value))
            {
                bool hasAddress = value!.Contains(' ', StringComparison.Ordinal);
                string text = hasAddress
                    ? string.Create(CultureInfo.InvariantCulture, $"rtcp:{port} {connection.Format()}")
                    : string.Create(CultureInfo.InvariantCulture, $"rtcp:{port}");
                _lines[i] = new SdpLine('a', text);
            }
        }
    }

    internal static bool IsNullConnection(string value) =>
        SdpConnection.TryParse(value, out SdpConnection? c) && c!.IsNullAddress;

    internal int RemoveAttributes(Func<string, bool> nameMatches) =>
        _lines.RemoveAll(l => l.Type == 'a' && nameMatches(SdpAttributes.NameOf(l.Value)));

    /// <summary>a=rtpmap:&lt;pt&gt; &lt;name&gt;/&lt;clock&gt;[/&lt;channels&gt;] (RFC 4566 §6).</summary>
    internal static bool TryParseRtpmap(string value, out SdpCodec? codec)
    {
        codec = null;
        int space = value.IndexOf(' ', StringComparison.Ordinal);
        if (space <= 0 ||
            !int.TryParse(value.AsSpan(0, space), NumberStyles.None, CultureInfo.InvariantCulture, out int pt))
        {
            return false;
        }
        string[] parts = value[(space + 1)..].Trim().Split('/');
        if (parts.Length < 2 || parts[0].Length == 0 ||
            !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int rate))
        {
            return false;
        }
        int? channels = parts.Length > 2 &&
            int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out int ch) ? ch : null;
        codec = new SdpCodec(pt, parts[0], rate, channels);
        return true;
    }

    private string FormatMediaLine()
    {
        string count = PortCount is { } c ? string.Create(CultureInfo.InvariantCulture, $"/{c}") : "";
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{MediaType} {_port}{count} {Protocol} {string.Join(' ', _formats)}");
    }
}
