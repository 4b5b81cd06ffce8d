namespace Softswitch.Core.Numbers;

/// <summary>CreateCustomerPhoneBook / ModifyCustomerPhoneBook fields (001_… §3.53, §3.54); null = not given.</summary>
public sealed record CustomerPhoneBookChanges
{
    public IReadOnlyList<string>? ShortE164s { get; init; }
    public string? Name { get; init; }
    public string? Department { get; init; }
    public int? DeviceType { get; init; }
    public int? AddressType { get; init; }
    public int? Type { get; init; }
    public string? Memo { get; init; }
}
