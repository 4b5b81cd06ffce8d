using System.ComponentModel.DataAnnotations;
using Softswitch.Sip.Media;

namespace Softswitch.Sip.B2bua;

/// <summary>The "calls" section of conf/softswitch.json: call set-up timeouts (VOS3000 names) and call limits.</summary>
public sealed class B2buaOptions
{
    public const string Section = "calls";

    /// <summary>No response at all from the callee after the INVITE (VOS3000 timeoutInvite).</summary>
    [Range(1, 3_600)]
    public int TimeoutInviteSeconds { get; set; } = 10;

    /// <summary>Only 100 Trying, no ringing or progress (VOS3000 timeoutTrying).</summary>
    [Range(1, 3_600)]
    public int TimeoutTryingSeconds { get; set; } = 30;

    /// <summary>183 Session Progress without answer (VOS3000 timeoutSessionProgress).</summary>
    [Range(1, 3_600)]
    public int TimeoutSessionProgressSeconds { get; set; } = 120;

    /// <summary>Ringing without answer: the callee is cancelled and the caller told 480 (VOS3000 timeoutRinging).</summary>
    [Range(1, 3_600)]
    public int TimeoutRingingSeconds { get; set; } = 60;

    /// <summary>A connected call is ended with BYE on both legs after this long (kills zombie calls). 0 = no limit.</summary>
    [Range(0, int.MaxValue)]
    public int MaxCallDurationSeconds { get; set; } = 7200;

    /// <summary>No RTP for this long on a connected call ends it (only with the relay on). 0 = off.</summary>
    [Range(0, 86_400)]
    public int MediaTimeoutSeconds { get; set; } = 60;

    /// <summary>VOS3000 mediaCheckDirection: which traffic proves a connected call alive, checked on both legs.</summary>
    public MediaCheckDirection MediaCheckDirection { get; set; } = MediaCheckDirection.Received;

    /// <summary>
    /// The shortest session interval (RFC 4028 Session-Expires) the switch times: a shorter one is relayed but not
    /// timed. RFC 4028 §5 sets the Min-SE floor at 90 s; a lower value is for tests only.
    /// </summary>
    [Range(1, 86_400)]
    public int MinSessionExpiresSeconds { get; set; } = 90;

    /// <summary>
    /// In-dialog OPTIONS to both legs of a connected call every this many seconds (as Kamailio's dialog module does):
    /// a leg that answers 408 or 481, or not at all, is dead and the call ends with BYE and its CDR. 0 = off.
    /// </summary>
    [Range(0, 86_400)]
    public int KeepAliveSeconds { get; set; } = 30;

    /// <summary>
    /// Who may send in-dialog requests (BYE, re-INVITE, UPDATE, INFO, …) on a leg: only its known peer (the caller's
    /// INVITE source; the callee's INVITE destination or 2xx source); others get 481 and change nothing (docs/hardening.md).
    /// </summary>
    public InDialogSourceCheck InDialogSourceCheck { get; set; } = InDialogSourceCheck.Address;

    /// <summary>Relay RTP through the switch (VOS3000 rtpForwardType auto/on); off passes SDP through untouched.</summary>
    public bool RelayMedia { get; set; } = true;
}
