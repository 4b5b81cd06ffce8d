using Softswitch.Core.Numbers;

namespace Softswitch.Api.Endpoints.Numbers;

/// <summary>
/// CreateCustomerPhoneBook (001_… §3.53), ModifyCustomerPhoneBook (§3.54, adds newE164) and
/// DeleteCustomerPhoneBook (§3.55, e164s) bodies. Null = not given.
/// </summary>
public sealed record CustomerPhoneBookRequest
{
    public string? Account { get; init; }
    public string? E164 { get; init; }
    public string? NewE164 { get; init; }
    public IReadOnlyList<string>? E164s { get; init; }
    public InfoCustomerPhoneBookOverWrite? InfoCustomerPhoneBookOverWrite { get; init; }
    public IReadOnlyList<string>? ShortE164s { get; init; }
    public string? Name { get; init; }
    public string? Department { get; init; }
    public int? DeviceType { get; init; }
    public int? AddressType { get; init; }
    public int? Type { get; init; }
    public string? Memo { get; init; }

    public PhoneBookOverwrite? ToOverwrite() =>
        InfoCustomerPhoneBookOverWrite is { } o ? new PhoneBookOverwrite(o.E164, o.ShortE164) : null;

    public CustomerPhoneBookChanges ToChanges() => new()
    {
        ShortE164s = ShortE164s,
        Name = Name,
        Department = Department,
        DeviceType = DeviceType,
        AddressType = AddressType,
        Type = Type,
        Memo = Memo,
    };
}
