using System.Buffers;
using System.Buffers.Text;
using System.Text;
using Softswitch.Sip.Messages;

namespace Softswitch.Sip.Parsing;

/// <summary>
/// Writes messages to bytes (RFC 3261 §7): start line, one line per header field (canonical names for known
/// kinds, the received spelling otherwise; values received and not changed are copied as raw bytes), a
/// Content-Length computed from the body (any other is dropped), the empty line and the body.
/// </summary>
public static class SipSerializer
{
    public static void Write(SipMessage message, IBufferWriter<byte> writer)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(writer);
        if (message is SipRequest request)
        {
            WriteText(writer, request.MethodName);
            writer.Write(" "u8);
            // An untouched Request-URI goes out as received (it was validated when parsed).
            ReadOnlySpan<byte> rawUri = request.RawRequestUri;
            if (rawUri.IsEmpty)
            {
                WriteText(writer, request.RequestUri.ToString());
            }
            else
            {
                writer.Write(rawUri);
            }
            writer.Write(" SIP/2.0\r\n"u8);
        }
        else
        {
            var response = (SipResponse)message;
            writer.Write("SIP/2.0 "u8);
            WriteNumber(writer, response.StatusCode);
            writer.Write(" "u8);
            WriteText(writer, response.ReasonPhrase);
            writer.Write("\r\n"u8);
        }
        SipHeaders headers = message.Headers;
        for (int i = 0; i < headers.Count; i++)
        {
            HeaderKind kind = headers.KindAt(i);
            if (kind == HeaderKind.ContentLength)
            {
                continue;
            }
            bool raw = headers.IsRawAt(i);
            if (kind != HeaderKind.Other)
            {
                writer.Write(kind.ToUtf8());
            }
            else if (raw)
            {
                writer.Write(headers.RawNameAt(i));
            }
            else
            {
                WriteText(writer, headers.NameAt(i));
            }
            writer.Write(": "u8);
            if (raw)
            {
                // Folding inside a received value is legal on the wire and is kept as received.
                writer.Write(headers.RawValueAt(i));
            }
            else
            {
                WriteText(writer, headers.ValueAt(i));
            }
            writer.Write("\r\n"u8);
        }
        writer.Write("Content-Length: "u8);
        WriteNumber(writer, message.Body.Length);
        writer.Write("\r\n\r\n"u8);
        writer.Write(message.Body.Span);
    }

    public static byte[] ToBytes(SipMessage message)
    {
        var writer = new ArrayBufferWriter<byte>(512);
        Write(message, writer);
        return writer.WrittenSpan.ToArray();
    }

    private static void WriteNumber(IBufferWriter<byte> writer, int value)
    {
        Span<byte> span = writer.GetSpan(11);
        Utf8Formatter.TryFormat(value, span, out int written);
        writer.Advance(written);
    }

    /// <summary>
    /// Writes engine-supplied text as UTF-8. CR and LF become spaces: text set by the engine may carry data from
    /// a peer, and a line break in it would let that peer inject header fields.
    /// </summary>
    private static void WriteText(IBufferWriter<byte> writer, string text)
    {
        int max = Encoding.UTF8.GetMaxByteCount(text.Length);
        Span<byte> span = writer.GetSpan(max);
        int n = Encoding.UTF8.GetBytes(text, span);
        foreach (ref byte b in span[..n])
        {
            if (b is (byte)'\r' or (byte)'\n')
            {
                b = (byte)' ';
            }
        }
        writer.Advance(n);
    }
}
