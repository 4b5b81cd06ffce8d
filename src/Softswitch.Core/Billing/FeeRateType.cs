namespace Softswitch.Core.Billing;

/// <summary>InfoFeeRate.type (001_… §3.44), the same codes as InfoCdr.callLevel (§3.47).</summary>
public enum FeeRateType
{
    OnNet = 1,
    Local = 2,
    National = 4,
    International = 5,
}
