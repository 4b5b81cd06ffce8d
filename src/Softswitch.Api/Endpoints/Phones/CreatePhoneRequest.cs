namespace Softswitch.Api.Endpoints.Phones;

/// <summary>CreatePhone body (001_… §3.6): the InfoPhone fields plus the mandatory autoCreateAccount.</summary>
public sealed record CreatePhoneRequest : PhoneRequest
{
    public bool? AutoCreateAccount { get; init; }
}
