namespace Softswitch.Core.Routing;

/// <summary>
/// A routing gateway's own set-up timeouts (001_… §3.16 timeoutInvite … timeoutRinging); null where the gateway says
/// 0 ("use the system value": the SIP layer's b2bua.timeout* settings).
/// </summary>
public sealed record AttemptTimeouts(TimeSpan? Invite, TimeSpan? Trying, TimeSpan? SessionProgressSdp,
    TimeSpan? SessionProgress, TimeSpan? Ringing);
