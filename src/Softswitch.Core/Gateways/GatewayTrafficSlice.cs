namespace Softswitch.Core.Gateways;

/// <summary>One slice of a gateway's sliding window: what concluded during slice number <see cref="Epoch"/>.</summary>
internal struct GatewayTrafficSlice
{
    public long Epoch;
    public GatewayTraffic Traffic;
}
