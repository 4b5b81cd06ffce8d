namespace Softswitch.Api.Endpoints.Phones;

/// <summary>GetPhone body (001_… §3.9, e164s and/or accounts) and GetPhoneOnline body (§3.10, e164s).</summary>
public sealed record GetPhoneRequest
{
    public IReadOnlyList<string>? E164s { get; init; }
    public IReadOnlyList<string>? Accounts { get; init; }
}
