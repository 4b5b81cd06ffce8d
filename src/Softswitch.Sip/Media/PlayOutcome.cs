namespace Softswitch.Sip.Media;

/// <summary>How an <see cref="RtpPlayer"/> ended.</summary>
public enum PlayOutcome
{
    /// <summary>Every frame of every prompt was sent.</summary>
    Completed,

    /// <summary><see cref="RtpPlayer.Cancel"/> or the scheduler's disposal stopped it.</summary>
    Cancelled,

    /// <summary>The socket refused a send (closed, or the network is unreachable); the rest was not sent.</summary>
    SendFailed,
}
