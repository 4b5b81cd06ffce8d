namespace Softswitch.Sip.Media;

/// <summary>
/// VOS3000 mediaCheckDirection (manual 001 §3.x gateway fields): which traffic on a leg proves the call alive.
/// The values are the manual's codes.
/// </summary>
public enum MediaCheckDirection
{
    /// <summary>0: no check.</summary>
    None = 0,

    /// <summary>1: media is being sent to the remote end of the leg.</summary>
    Sent = 1,

    /// <summary>2: media is being received from the remote end of the leg.</summary>
    Received = 2,

    /// <summary>3: media flows both ways; idle as soon as either direction is.</summary>
    Both = 3,
}
