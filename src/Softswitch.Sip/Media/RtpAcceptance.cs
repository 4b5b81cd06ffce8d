namespace Softswitch.Sip.Media;

/// <summary>What the source check made of one received packet.</summary>
internal enum RtpAcceptance
{
    /// <summary>From the latched source: forwarded.</summary>
    Accepted,

    /// <summary>The first packet from an allowed source: latched, forwarded.</summary>
    Latched,

    /// <summary>From another allowed source after the latched one fell silent: latched to it instead, forwarded.</summary>
    Relatched,

    /// <summary>From an address the leg's SDP and signalling do not name, or stealing a live stream: dropped, counted.</summary>
    WrongSource,
}
