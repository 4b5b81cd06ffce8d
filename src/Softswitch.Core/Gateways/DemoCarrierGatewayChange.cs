namespace Softswitch.Core.Gateways;

/// <summary>What <see cref="DemoCarrierGateway.EnsureAsync"/> did to the demo routing gateway.</summary>
public enum DemoCarrierGatewayChange
{
    /// <summary>It already pointed at the carrier.</summary>
    Unchanged,

    /// <summary>It did not exist (first start, or deleted since) and was created.</summary>
    Created,

    /// <summary>Its remoteIp/signalPort were moved to where the carrier listens now.</summary>
    Repointed,
}
