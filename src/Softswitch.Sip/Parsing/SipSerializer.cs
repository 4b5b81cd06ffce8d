using System.Buffers;
using Softswitch.Sip.Messages;

namespace Softswitch.Sip.Parsing;

/// <summary>Writes messages to bytes; Content-Length is always written from the body. PLACEHOLDER for the parser work.</summary>
public static class SipSerializer
{
    public static void Write(SipMessage message, IBufferWriter<byte> writer) => throw new NotImplementedException();

    public static byte[] ToBytes(SipMessage message)
    {
        var writer = new ArrayBufferWriter<byte>(512);
        Write(message, writer);
        return writer.WrittenSpan.ToArray();
    }
}
