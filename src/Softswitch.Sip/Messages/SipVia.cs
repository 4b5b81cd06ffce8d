using System.Globalization;
using System.Text;

namespace Softswitch.Sip.Messages;

/// <summary>One Via value: <c>SIP/2.0/UDP host:port;branch=…;received=…;rport</c> (RFC 3261 §20.42, RFC 3581).</summary>
public sealed class SipVia
{
    /// <summary>The RFC 3261 branch cookie: branches starting with it are unique per transaction (§8.1.1.7).</summary>
    public const string MagicCookie = "z9hG4bK";

    public string Transport { get; set; } = "UDP";

    public string Host { get; set; } = string.Empty;

    public int? Port { get; set; }

    public SipVia()
        : this(new SipParameters())
    {
    }

    // The parser's constructor: the default's empty parameter list would be garbage at once.
    private SipVia(SipParameters parameters) => Parameters = parameters;

    public SipParameters Parameters { get; init; }

    public string? Branch => Parameters.Get("branch");

    public string? Received => Parameters.Get("received");

    /// <summary>rport present (with or without value): the client asks for symmetric response routing.</summary>
    public bool HasRport => Parameters.Has("rport");

    public int? Rport =>
        int.TryParse(Parameters.Get("rport"), NumberStyles.None, CultureInfo.InvariantCulture, out int p) ? p : null;

    public static SipVia Parse(string text) => Parse(text.AsSpan());

    /// <summary>
    /// Parses a Via value received on the wire, validated by the parser and not folded (<see cref="IsDirect"/>):
    /// decoded into a stack buffer, so only the kept parts (host, parameter values) become strings.
    /// </summary>
    internal static SipVia Parse(ReadOnlySpan<byte> raw)
    {
        Span<char> chars = stackalloc char[MaxDirectLength];
        return Parse(chars[..Encoding.UTF8.GetChars(raw, chars)]);
    }

    /// <summary>True when <see cref="Parse(ReadOnlySpan{byte})"/> takes the value: short and without folding.</summary>
    internal static bool IsDirect(ReadOnlySpan<byte> raw) =>
        raw.Length <= MaxDirectLength && raw.IndexOfAny((byte)'\r', (byte)'\n') < 0;

    private const int MaxDirectLength = 512;

    private static SipVia Parse(ReadOnlySpan<char> s)
    {
        s = s.Trim();
        // sent-protocol = protocol-name SLASH protocol-version SLASH transport, LWS allowed around the slashes.
        ReadOnlySpan<char> transport = default;
        for (int i = 0; i < 3; i++)
        {
            s = s.TrimStart();
            int end = i < 2 ? s.IndexOf('/') : IndexOfWhiteSpace(s);
            if (end <= 0)
            {
                throw new SipFormatException(SipParseError.BadVia, "bad sent-protocol");
            }
            ReadOnlySpan<char> part = s[..end].Trim();
            bool ok = i switch
            {
                0 => part.Equals("SIP", StringComparison.OrdinalIgnoreCase),
                1 => part.SequenceEqual("2.0"),
                _ => SipSyntax.IsToken(part),
            };
            if (!ok)
            {
                throw new SipFormatException(SipParseError.BadVia, "bad sent-protocol");
            }
            transport = part;
            s = i < 2 ? s[(end + 1)..] : s[end..];
        }
        s = s.TrimStart();
        int semi = s.StartsWith('[') ? s.IndexOf(']') + 1 + Math.Max(0, s[(s.IndexOf(']') + 1)..].IndexOf(';')) : s.IndexOf(';');
        if (s.StartsWith('[') && s[(s.IndexOf(']') + 1)..].IndexOf(';') < 0)
        {
            semi = -1;
        }
        ReadOnlySpan<char> sentBy = semi < 0 ? s : s[..semi];
        var (host, port) = SipUri.ParseHostPort(sentBy.Trim(), SipParseError.BadVia);
        var via = new SipVia(SipParameters.Parse(semi < 0 ? default : s[semi..], SipParseError.BadVia))
        {
            Transport = TransportName(transport),
            Host = host,
            Port = port,
        };
        return via;
    }

    /// <summary>The usual transports (RFC 3261 §20.42, RFC 7118) share one string instead of one per message.</summary>
    private static string TransportName(ReadOnlySpan<char> transport)
    {
        foreach (string known in (ReadOnlySpan<string>)["UDP", "TCP", "TLS", "SCTP", "WS", "WSS"])
        {
            if (transport.Equals(known, StringComparison.OrdinalIgnoreCase))
            {
                return known;
            }
        }
        return transport.ToString().ToUpperInvariant();
    }

    private static int IndexOfWhiteSpace(ReadOnlySpan<char> s)
    {
        int i = s.IndexOfAny(' ', '\t');
        return i < 0 ? -1 : i;
    }

    public override string ToString()
    {
        var sb = new StringBuilder(96);
        sb.Append("SIP/2.0/").Append(Transport).Append(' ').Append(Host);
        if (Port is int port)
        {
            sb.Append(':').Append(port);
        }
        Parameters.AppendTo(sb);
        return sb.ToString();
    }
}
