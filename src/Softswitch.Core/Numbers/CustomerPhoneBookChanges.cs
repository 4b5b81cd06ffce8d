namespace Softswitch.Core.Numbers;

/// <summary>CreateCustomerPhoneBook / ModifyCustomerPhoneBook fields (001_… §3.53, §3.54); null = not given. Applied by name
/// (<c>JsonOverlay</c>); not sealed: the API's request record adds its keys.</summary>
public record CustomerPhoneBookChanges
{
    public IReadOnlyList<string>? ShortE164s { get; init; }
    public string? Name { get; init; }
    public string? Department { get; init; }
    public int? DeviceType { get; init; }
    public int? AddressType { get; init; }
    public int? Type { get; init; }
    public string? Memo { get; init; }
}
