namespace Softswitch.Core.Accounts;

/// <summary>代理商回拨计费模式, 001_… §3.1 "ctdBillingType".</summary>
public enum CtdBillingType
{
    Normal = 0,
    Traffic = 1,
}
