namespace Softswitch.Core.Billing;

/// <summary>InfoPhoneCard.bitsOfConfig (001_… §3.84).</summary>
public static class PhoneCardBits
{
    public const int OpenAccount = 1 << 1;
    public const int OpenCreatesActivePhoneCard = 1 << 2;
    public const int OpenCreatesPhone = 1 << 3;
    public const int Recharge = 1 << 4;
    public const int RechargeReplacesFeeRateGroup = 1 << 5;
    public const int RechargeAddsSuites = 1 << 6;
    public const int FaceValueToBalance = 1 << 7;

    /// <summary>Every bit the manual defines.</summary>
    public const int All = OpenAccount | OpenCreatesActivePhoneCard | OpenCreatesPhone | Recharge
        | RechargeReplacesFeeRateGroup | RechargeAddsSuites | FaceValueToBalance;
}
