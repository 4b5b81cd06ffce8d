namespace Softswitch.Core.Accounts;

/// <summary>锁定类型 of an account, 001_… §3.1 "lockType".</summary>
public enum CustomerLockType
{
    Unlocked = 0,
    Locked = 1,
}
