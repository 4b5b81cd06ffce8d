using Softswitch.Sip.Messages;

namespace Softswitch.Sip.Transport;

/// <summary>Sends serialized messages; implemented by the UDP/TCP transports and by test fakes (fault injection seam).</summary>
public interface ISipTransport
{
    /// <summary>The address and port this switch puts in Via and Contact for the given transport.</summary>
    SipEndPoint LocalEndPoint(SipTransportKind transport);

    /// <summary>Sends one message; a request or response whose destination cannot be reached is dropped and logged.</summary>
    ValueTask SendAsync(SipMessage message, SipEndPoint destination, CancellationToken cancellationToken = default);
}
