namespace Softswitch.Core.Phones;

/// <summary>锁定类型 of a phone, 001_… §3.6 "lockType".</summary>
public enum PhoneLockType
{
    None = 0,
    CallOut = 1,
    CallIn = 2,
    All = 3,
}
