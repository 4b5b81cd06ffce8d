using System.Globalization;
using Softswitch.Core.Calls;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Timers;

namespace Softswitch.Sip.B2bua;

/// <summary>
/// RFC 4028 session timers where both ends ask for them: the switch relays Session-Expires and the refreshes
/// (re-INVITE or UPDATE), and ends the call with BYE on both legs when a session interval passes without a
/// successful refresh (§10). Without session timers, the maximum call duration guards against zombie calls.
/// </summary>
internal sealed partial class B2buaCall
{
    private TimerHandle _sessionTimer;

    /// <summary>
    /// Arms (or re-arms after a refresh) the session timer from a 2xx that carries Session-Expires, when the
    /// caller's INVITE asked for session timers too.
    /// </summary>
    private void ArmSessionTimer(SipResponse answer)
    {
        if (CallerInvite.Headers.Get(HeaderKind.SessionExpires) is null || SessionInterval(answer) is not { } interval)
        {
            return;
        }
        Wheel.Cancel(_sessionTimer);
        _sessionTimer = Wheel.Schedule(interval, this, (int)CallTimer.SessionExpired);
    }

    /// <summary>
    /// Session-Expires: delta-seconds *(;param) (RFC 4028 §4); at least calls.minSessionExpiresSeconds (the Min-SE
    /// floor, 90 s by default, §5).
    /// </summary>
    private TimeSpan? SessionInterval(SipMessage message)
    {
        if (message.Headers.Get(HeaderKind.SessionExpires) is not { } value)
        {
            return null;
        }
        int semi = value.IndexOf(';', StringComparison.Ordinal);
        string seconds = (semi < 0 ? value : value[..semi]).Trim();
        return int.TryParse(seconds, NumberStyles.None, CultureInfo.InvariantCulture, out int s) && s >= _owner.Options.MinSessionExpiresSeconds
            ? TimeSpan.FromSeconds(s)
            : null;
    }

    /// <summary>Session timer headers of the callee's 2xx go on to the caller (they negotiate end to end).</summary>
    private static void CopySessionTimerHeaders(SipResponse from, SipResponse to)
    {
        foreach (var kind in new[] { HeaderKind.SessionExpires, HeaderKind.Require })
        {
            foreach (string value in from.Headers.GetAll(kind))
            {
                to.Headers.Add(kind, value);
            }
        }
    }
}
