namespace Softswitch.Core.Accounts;

/// <summary>账户类型, 001_… §3.1 "type".</summary>
public enum CustomerType
{
    Normal = 0,
    PhoneCard = 1,
    Settlement = 2,
}
