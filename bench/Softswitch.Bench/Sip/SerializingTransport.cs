using System.Buffers;
using System.Net;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Parsing;
using Softswitch.Sip.Transport;

namespace Softswitch.Bench.Sip;

/// <summary>Serializes what it is given, as the UDP channel does before its send, and sends nothing.</summary>
internal sealed class SerializingTransport : ISipTransport
{
    private readonly ArrayBufferWriter<byte> _buffer = new(4096);
    private readonly Lock _lock = new();

    public SipEndPoint LocalEndPoint(SipTransportKind transport) => new(transport, new IPEndPoint(IPAddress.Parse("192.0.2.1"), 5060));

    public ValueTask SendAsync(SipMessage message, SipEndPoint destination, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            _buffer.ResetWrittenCount();
            SipSerializer.Write(message, _buffer);
        }
        return ValueTask.CompletedTask;
    }
}
