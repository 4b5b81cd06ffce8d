namespace Softswitch.Sip.Media;

/// <summary>The two legs of a relayed call: A faces the caller, B faces the callee.</summary>
public enum RtpSide
{
    A,
    B,
}
