namespace Softswitch.Core.Pushes;

/// <summary>InfoDtmf (001_… §4.3): the keys pressed in one IVR menu.</summary>
public sealed record PushDtmf(string MenuName, string Dtmf);
