using System.Text;
using Softswitch.Sip.Messages;

namespace Softswitch.Sip.Transport;

/// <summary>
/// Builds the answer to a request the parser refused, straight from its raw bytes: the header block is scanned
/// for the five headers a response must echo (RFC 3261 §8.2.6.2). If the input is not a request, is an ACK,
/// or lacks any of them, no answer is possible and the message is dropped (docs/architecture.md "Bad input").
/// </summary>
internal static class RejectResponder
{
    private const int MaxScannedLines = 256;

    public static byte[]? Build(ReadOnlySpan<byte> raw, SipParseError error, string? detail)
    {
        int lineEnd = raw.IndexOf("\r\n"u8);
        if (lineEnd <= 0)
        {
            return null;
        }
        ReadOnlySpan<byte> startLine = raw[..lineEnd];
        int sp = startLine.IndexOf((byte)' ');
        if (sp <= 0 || startLine.StartsWith("SIP/"u8) || startLine[..sp].SequenceEqual("ACK"u8))
        {
            return null;
        }
        string? via = null, from = null, to = null, callId = null, cseq = null;
        var vias = new List<string>(2);
        ReadOnlySpan<byte> rest = raw[(lineEnd + 2)..];
        for (int n = 0; n < MaxScannedLines && !rest.IsEmpty; n++)
        {
            int end = rest.IndexOf("\r\n"u8);
            ReadOnlySpan<byte> line = end < 0 ? rest : rest[..end];
            rest = end < 0 ? default : rest[(end + 2)..];
            if (line.IsEmpty)
            {
                break;
            }
            int colon = line.IndexOf((byte)':');
            if (colon <= 0 || line[0] is (byte)' ' or (byte)'\t')
            {
                continue;
            }
            string value = Printable(line[(colon + 1)..]);
            switch (HeaderNames.Lookup(line[..colon].TrimEnd(" \t"u8)))
            {
                case HeaderKind.Via: vias.Add(value); via ??= value; break;
                case HeaderKind.From: from ??= value; break;
                case HeaderKind.To: to ??= value; break;
                case HeaderKind.CallId: callId ??= value; break;
                case HeaderKind.CSeq: cseq ??= value; break;
            }
        }
        if (via is null || from is null || to is null || callId is null || cseq is null)
        {
            return null;
        }
        var (code, phrase) = error switch
        {
            SipParseError.BadVersion => (505, "Version Not Supported"),
            SipParseError.MessageTooLarge => (513, "Message Too Large"),
            _ => (400, "Bad Request"),
        };
        var sb = new StringBuilder(256);
        sb.Append("SIP/2.0 ").Append(code).Append(' ').Append(phrase);
        if (code == 400)
        {
            // The reason phrase names the fault (docs/architecture.md "Bad input").
            sb.Append(" - ").Append(error);
            if (!string.IsNullOrEmpty(detail))
            {
                sb.Append(": ").Append(Printable(Encoding.UTF8.GetBytes(detail)));
            }
        }
        sb.Append("\r\n");
        foreach (string v in vias)
        {
            sb.Append("Via: ").Append(v).Append("\r\n");
        }
        sb.Append("From: ").Append(from).Append("\r\n");
        sb.Append("To: ").Append(to).Append("\r\n");
        sb.Append("Call-ID: ").Append(callId).Append("\r\n");
        sb.Append("CSeq: ").Append(cseq).Append("\r\n");
        sb.Append("Content-Length: 0\r\n\r\n");
        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    /// <summary>Keeps printable ASCII only and caps the length, so nothing hostile is echoed into a header.</summary>
    private static string Printable(ReadOnlySpan<byte> bytes)
    {
        bytes = bytes.Trim(" \t"u8);
        int n = Math.Min(bytes.Length, 256);
        var chars = new char[n];
        for (int i = 0; i < n; i++)
        {
            byte b = bytes[i];
            chars[i] = b is >= 0x20 and < 0x7F ? (char)b : '?';
        }
        return new string(chars);
    }
}
