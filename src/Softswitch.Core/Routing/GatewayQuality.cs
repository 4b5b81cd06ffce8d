namespace Softswitch.Core.Routing;

/// <summary>A routing gateway's recent attempts and how many were answered: its connection rate (ASR) is Answered ÷ Attempts.</summary>
public readonly record struct GatewayQuality(long Attempts, long Answered);
