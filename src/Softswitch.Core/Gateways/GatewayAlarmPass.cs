namespace Softswitch.Core.Gateways;

/// <summary>What one evaluation of <see cref="GatewayQualityAlarms"/> changed.</summary>
public readonly record struct GatewayAlarmPass(int Raised, int Cleared);
