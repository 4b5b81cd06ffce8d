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

    public SipParameters Parameters { get; init; } = new();

    public string? Branch => Parameters.Get("branch");

    public string? Received => Parameters.Get("received");

    /// <summary>rport present (with or without value): the client asks for symmetric response routing.</summary>
    public bool HasRport => Parameters.Has("rport");

    public int? Rport =>
        int.TryParse(Parameters.Get("rport"), NumberStyles.None, CultureInfo.InvariantCulture, out int p) ? p : null;

    public static SipVia Parse(string text)
    {
        ReadOnlySpan<char> s = text.AsSpan().Trim();
        // sent-protocol = protocol-name SLASH protocol-version SLASH transport, LWS allowed around the slashes.
        string[] parts = new string[3];
        for (int i = 0; i < 3; i++)
        {
            s = s.TrimStart();
            int end = i < 2 ? s.IndexOf('/') : IndexOfWhiteSpace(s);
            if (end <= 0)
            {
                throw new SipFormatException(SipParseError.BadVia, "bad sent-protocol");
            }
            parts[i] = s[..end].Trim().ToString();
            s = i < 2 ? s[(end + 1)..] : s[end..];
        }
        if (!parts[0].Equals("SIP", StringComparison.OrdinalIgnoreCase) || parts[1] != "2.0" || !SipSyntax.IsToken(parts[2]))
        {
            throw new SipFormatException(SipParseError.BadVia, "bad sent-protocol");
        }
        s = s.TrimStart();
        int semi = s.StartsWith('[') ? s.IndexOf(']') + 1 + Math.Max(0, s[(s.IndexOf(']') + 1)..].IndexOf(';')) : s.IndexOf(';');
        if (s.StartsWith('[') && s[(s.IndexOf(']') + 1)..].IndexOf(';') < 0)
        {
            semi = -1;
        }
        ReadOnlySpan<char> sentBy = semi < 0 ? s : s[..semi];
        var (host, port) = SipUri.ParseHostPort(sentBy.Trim(), SipParseError.BadVia);
        var via = new SipVia
        {
            Transport = parts[2].ToUpperInvariant(),
            Host = host,
            Port = port,
            Parameters = SipParameters.Parse(semi < 0 ? default : s[semi..], SipParseError.BadVia),
        };
        return via;
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
