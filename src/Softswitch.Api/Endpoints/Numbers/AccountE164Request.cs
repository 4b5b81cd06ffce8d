namespace Softswitch.Api.Endpoints.Numbers;

/// <summary>GetE164Convert (001_… §3.45) and GetCustomerPhoneBook (§3.52) bodies: both filters optional.</summary>
public sealed record AccountE164Request
{
    public string? Account { get; init; }
    public string? E164 { get; init; }
}
