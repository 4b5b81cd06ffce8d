using System.Buffers;
using System.Net;
using System.Text;

namespace Softswitch.Sip.Sdp;

/// <summary>
/// A session description (RFC 4566): the session-level lines in order, then the media descriptions. The lines
/// are kept as parsed, including the ones this code does not understand, so <see cref="ToString"/> gives back
/// exactly what was parsed (with CRLF line ends, RFC 4566 §5) until something is rewritten. Parse it with
/// <see cref="SdpParser"/>; rewrite it for the relay with <see cref="SdpRewriter"/>.
/// </summary>
public sealed class SdpSession
{
    private readonly List<SdpLine> _lines;
    private readonly List<SdpMedia> _media;

    internal SdpSession(List<SdpLine> lines, List<SdpMedia> media)
    {
        _lines = lines;
        _media = media;
    }

    /// <summary>The session-level lines in order, v= first.</summary>
    public IReadOnlyList<SdpLine> Lines => _lines;

    public IReadOnlyList<SdpMedia> Media => _media;

    /// <summary>The o= line; setting it rewrites the line.</summary>
    public SdpOrigin Origin
    {
        get
        {
            // The parser refused the session unless o= was second and valid, so this cannot fail.
            return SdpOrigin.TryParse(_lines[1].Value, out SdpOrigin? origin)
                ? origin!
                : throw new InvalidOperationException("o= line corrupted");
        }
        set => _lines[1] = new SdpLine('o', value.Format());
    }

    public string SessionName => _lines.First(l => l.Type == 's').Value;

    /// <summary>The session-level c=, the default for every stream without its own (RFC 4566 §5.7).</summary>
    public SdpConnection? Connection
    {
        get
        {
            SdpLine? line = FindLine('c');
            return line is { } l && SdpConnection.TryParse(l.Value, out SdpConnection? c) ? c : null;
        }
    }

    /// <summary>The first audio stream that was not rejected (port 0), the one the relay carries.</summary>
    public SdpMedia? FirstActiveAudio => _media.FirstOrDefault(m => m.IsAudio && m.Port != 0);

    /// <summary>The value of the first session-level a=name: "" for a flag, null if absent.</summary>
    public string? Attribute(string name) => SdpAttributes.Find(_lines, name);

    /// <summary>Where a stream's media go: its own c=, else the session c= (RFC 4566 §5.7).</summary>
    public SdpConnection? ConnectionOf(SdpMedia media) => media.Connection ?? Connection;

    /// <summary>The stream's direction: media level, else session level, else sendrecv (RFC 3264 §5.1).</summary>
    public SdpDirection DirectionOf(SdpMedia media) =>
        media.Direction ?? SdpAttributes.Direction(_lines) ?? SdpDirection.SendRecv;

    /// <summary>
    /// Whether the sender of this description puts the stream on hold: a=sendonly or a=inactive (RFC 3264 §8.4),
    /// or the older c=0.0.0.0 (RFC 2543), which RFC 3264 §8.4 asks answerers to still understand.
    /// </summary>
    public bool IsOnHold(SdpMedia media) =>
        ConnectionOf(media) is { IsNullAddress: true } ||
        DirectionOf(media) is SdpDirection.SendOnly or SdpDirection.Inactive;

    /// <summary>
    /// The address RTP for this stream should be sent to according to the description, or null when the stream
    /// is rejected, on c=0.0.0.0 hold, or addressed by host name (the relay latches the real source anyway).
    /// </summary>
    public IPEndPoint? RtpEndPointOf(SdpMedia media) =>
        media.Port != 0 && ConnectionOf(media)?.IpAddress is { } ip && !ConnectionOf(media)!.IsNullAddress
            ? new IPEndPoint(ip, media.Port)
            : null;

    /// <summary>RTCP: the a=rtcp port if present (RFC 3605), else RTP port + 1 (RFC 3550 §11).</summary>
    public IPEndPoint? RtcpEndPointOf(SdpMedia media) =>
        RtpEndPointOf(media) is { } rtp ? new IPEndPoint(rtp.Address, media.RtcpPort ?? rtp.Port + 1) : null;

    public SdpSession Clone() => new([.. _lines], _media.ConvertAll(m => m.Clone()));

    /// <summary>
    /// A copy whose RTP streams offer only the named codecs (a gateway's sipCodecs, "audio/PCMA" or "PCMA", any case);
    /// telephone-event (RFC 4733) and comfort noise stay with them. Null when an active RTP stream would have no codec
    /// left: the restriction cannot be met and the offer must not be sent.
    /// </summary>
    public SdpSession? RestrictedTo(IReadOnlyList<string> codecs)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (string codec in codecs)
        {
            int slash = codec.IndexOf('/', StringComparison.Ordinal);
            names.Add((slash < 0 ? codec : codec[(slash + 1)..]).Trim());
        }
        var media = new List<SdpMedia>(_media.Count);
        foreach (var stream in _media)
        {
            if (!stream.IsRtp || stream.Port == 0)
            {
                media.Add(stream.Clone());
                continue;
            }
            var restricted = stream.Restricted(c => names.Contains(c.Name) || c.IsTelephoneEvent || c.IsComfortNoise);
            if (!restricted.Codecs.Any(c => !c.IsTelephoneEvent && !c.IsComfortNoise))
            {
                return null;
            }
            media.Add(restricted);
        }
        return new SdpSession([.. _lines], media);
    }

    /// <summary>The description as text, each line ended by CRLF (RFC 4566 §5).</summary>
    public override string ToString()
    {
        var text = new StringBuilder(512);
        foreach (SdpLine line in AllLines())
        {
            text.Append(line.Type).Append('=').Append(line.Value).Append("\r\n");
        }
        return text.ToString();
    }

    /// <summary>UTF-8 bytes of <see cref="ToString"/>, ready to be a SIP body.</summary>
    public byte[] ToBytes() => Encoding.UTF8.GetBytes(ToString());

    public void WriteTo(IBufferWriter<byte> writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        foreach (SdpLine line in AllLines())
        {
            Span<byte> head = writer.GetSpan(2);
            head[0] = (byte)line.Type;
            head[1] = (byte)'=';
            writer.Advance(2);
            Encoding.UTF8.GetBytes(line.Value, writer);
            writer.Write("\r\n"u8);
        }
    }

    /// <summary>
    /// Points the session-level c= at this connection; false when the session has none or it is c=0.0.0.0, a hold
    /// request (RFC 3264 §8.4) that must reach the other leg as it is.
    /// </summary>
    internal bool ReplaceConnection(SdpConnection connection)
    {
        int index = _lines.FindIndex(l => l.Type == 'c');
        if (index < 0 || SdpMedia.IsNullConnection(_lines[index].Value))
        {
            return false;
        }
        _lines[index] = new SdpLine('c', connection.Format());
        return true;
    }

    internal int RemoveAttributes(Func<string, bool> nameMatches) =>
        _lines.RemoveAll(l => l.Type == 'a' && nameMatches(SdpAttributes.NameOf(l.Value)));

    private SdpLine? FindLine(char type)
    {
        foreach (SdpLine line in _lines)
        {
            if (line.Type == type)
            {
                return line;
            }
        }
        return null;
    }

    private IEnumerable<SdpLine> AllLines()
    {
        foreach (SdpLine line in _lines)
        {
            yield return line;
        }
        foreach (SdpMedia media in _media)
        {
            foreach (SdpLine line in media.Lines)
            {
                yield return line;
            }
        }
    }
}
