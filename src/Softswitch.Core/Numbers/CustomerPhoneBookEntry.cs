namespace Softswitch.Core.Numbers;

/// <summary>
/// One entry of an account's phone book (账户电话簿, 001_… §3.52 InfoCustomerPhoneBook): a number, the short numbers
/// the account's phones may dial for it, and contact details. Unique per (account, e164); a short number is unique
/// within its account, so dialling it is never ambiguous.
/// </summary>
public sealed record CustomerPhoneBookEntry
{
    public required string Account { get; init; }
    public required string E164 { get; init; }
    public IReadOnlyList<string> ShortE164s { get; init; } = [];
    public string Name { get; init; } = "";
    public string Department { get; init; } = "";

    /// <summary>设备类型 0:none 1:mobile 2:fixed 3:IP phone.</summary>
    public int DeviceType { get; init; }

    /// <summary>地址类型 0:none 1:office 2:home.</summary>
    public int AddressType { get; init; }

    /// <summary>创建类型 0:created by the user 1:remembered automatically.</summary>
    public int Type { get; init; }

    /// <summary>ms since 1970-01-01 UTC.</summary>
    public long LastUpdateTime { get; init; }
    public string Memo { get; init; } = "";
}
