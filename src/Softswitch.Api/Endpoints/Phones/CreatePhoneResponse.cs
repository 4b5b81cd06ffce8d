using Softswitch.Api.Vos;

namespace Softswitch.Api.Endpoints.Phones;

/// <summary>CreatePhone answer (001_… §3.6): the password, generated when the request gave none.</summary>
public sealed record CreatePhoneResponse : VosResponse
{
    public string? Password { get; init; }
}
