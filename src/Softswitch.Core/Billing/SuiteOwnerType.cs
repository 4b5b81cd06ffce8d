namespace Softswitch.Core.Billing;

/// <summary>ownerType of suite orders (001_… §3.26): the codes are the manual's (and Pay's, §3.22).</summary>
public enum SuiteOwnerType
{
    Account = 2,
    Phone = 6,
}
