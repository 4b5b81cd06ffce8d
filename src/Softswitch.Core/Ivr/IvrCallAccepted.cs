namespace Softswitch.Core.Ivr;

/// <summary>Answer to an accepted CallBack or PlayAudio (001_… §3.60, §3.61): the ids CallStateReport will carry.</summary>
public sealed record IvrCallAccepted(string? TransactionId, string CallIdentifier);
