namespace Softswitch.Sip.Sdp;

/// <summary>The direction attribute of a stream (RFC 4566 §6, RFC 3264 §5.1); absent means sendrecv.</summary>
public enum SdpDirection
{
    SendRecv,
    SendOnly,
    RecvOnly,
    Inactive,
}
