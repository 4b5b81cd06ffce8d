using Microsoft.Extensions.Options;
using Softswitch.Sip.Media;

namespace Softswitch.Sip.B2bua;

/// <summary>The "calls" section of conf/softswitch.json: call set-up timeouts (VOS3000 names) and call limits.</summary>
public sealed class B2buaOptions
{
    /// <summary>No response at all from the callee after the INVITE (VOS3000 timeoutInvite).</summary>
    public int TimeoutInviteSeconds { get; set; } = 10;

    /// <summary>Only 100 Trying, no ringing or progress (VOS3000 timeoutTrying).</summary>
    public int TimeoutTryingSeconds { get; set; } = 30;

    /// <summary>183 Session Progress without answer (VOS3000 timeoutSessionProgress).</summary>
    public int TimeoutSessionProgressSeconds { get; set; } = 120;

    /// <summary>Ringing without answer: the callee is cancelled and the caller told 480 (VOS3000 timeoutRinging).</summary>
    public int TimeoutRingingSeconds { get; set; } = 60;

    /// <summary>A connected call is ended with BYE on both legs after this long (kills zombie calls). 0 = no limit.</summary>
    public int MaxCallDurationSeconds { get; set; } = 7200;

    /// <summary>No RTP for this long on a connected call ends it (only with the relay on). 0 = off.</summary>
    public int MediaTimeoutSeconds { get; set; } = 60;

    /// <summary>VOS3000 mediaCheckDirection: 0 off, 1 media sent to the phone, 2 media received from it, 3 both; on both legs.</summary>
    public MediaCheckDirection MediaCheckDirection { get; set; } = MediaCheckDirection.Received;

    /// <summary>
    /// The shortest session interval (RFC 4028 Session-Expires) the switch times: a shorter one is relayed but not
    /// timed. RFC 4028 §5 sets the Min-SE floor at 90 s; a lower value is for tests only.
    /// </summary>
    public int MinSessionExpiresSeconds { get; set; } = 90;

    /// <summary>Relay RTP through the switch (VOS3000 rtpForwardType auto/on); off passes SDP through untouched.</summary>
    public bool RelayMedia { get; set; } = true;
}

public sealed class B2buaOptionsValidator : IValidateOptions<B2buaOptions>
{
    public ValidateOptionsResult Validate(string? name, B2buaOptions o)
    {
        if (o.TimeoutInviteSeconds < 1 || o.TimeoutTryingSeconds < 1 || o.TimeoutSessionProgressSeconds < 1 || o.TimeoutRingingSeconds < 1)
        {
            return ValidateOptionsResult.Fail("calls.timeoutInviteSeconds, timeoutTryingSeconds, timeoutSessionProgressSeconds and timeoutRingingSeconds must be >= 1");
        }
        if (o.MaxCallDurationSeconds < 0 || o.MediaTimeoutSeconds < 0)
        {
            return ValidateOptionsResult.Fail("calls.maxCallDurationSeconds and calls.mediaTimeoutSeconds must be >= 0");
        }
        if (o.MinSessionExpiresSeconds < 1)
        {
            return ValidateOptionsResult.Fail($"calls.minSessionExpiresSeconds must be >= 1 (RFC 4028 default 90), got {o.MinSessionExpiresSeconds}");
        }
        return Enum.IsDefined(o.MediaCheckDirection)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail("calls.mediaCheckDirection must be None, Sent, Received or Both");
    }
}
