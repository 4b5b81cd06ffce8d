namespace Softswitch.Core.Routing;

/// <summary>How an attempt's INVITE is sent to the carrier.</summary>
public enum AttemptTransport
{
    Udp = 0,
    Tcp = 1,
}
