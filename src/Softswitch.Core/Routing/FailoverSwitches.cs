namespace Softswitch.Core.Routing;

/// <summary>A routing gateway's switchAllow* fields (001_… §3.16, vos-routing §3): true allows failing over after that event.</summary>
public readonly record struct FailoverSwitches(bool Ring, bool Sdp, bool Rtp, bool Busy, bool ErrorCode);
