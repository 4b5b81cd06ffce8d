namespace Softswitch.Core.Billing;

/// <summary>ownerType of Pay and PayByPhoneCard (001_… §3.22, §3.58): what ownerName names.</summary>
public enum PayOwnerType
{
    Account = 2,
    Phone = 6,
    ActivePhoneCard = 11,
    BindedE164 = 25,
    MappingGateway = 44,
}
