using Softswitch.Core.Numbers;

namespace Softswitch.Api.Endpoints.Numbers;

/// <summary>
/// CreateCustomerPhoneBook (001_… §3.53), ModifyCustomerPhoneBook (§3.54, adds newE164) and
/// DeleteCustomerPhoneBook (§3.55, e164s) bodies: the keys plus every field of Core's change record, whose names are
/// the manual's. Null = not given.
/// </summary>
public sealed record CustomerPhoneBookRequest : CustomerPhoneBookChanges
{
    public string? Account { get; init; }
    public string? E164 { get; init; }
    public string? NewE164 { get; init; }
    public IReadOnlyList<string>? E164s { get; init; }
    public InfoCustomerPhoneBookOverWrite? InfoCustomerPhoneBookOverWrite { get; init; }

    public PhoneBookOverwrite? ToOverwrite() =>
        InfoCustomerPhoneBookOverWrite is { } o ? new PhoneBookOverwrite(o.E164, o.ShortE164) : null;
}
