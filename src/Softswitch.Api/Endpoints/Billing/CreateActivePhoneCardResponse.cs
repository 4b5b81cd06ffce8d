using Softswitch.Api.Vos;

namespace Softswitch.Api.Endpoints.Billing;

/// <summary>
/// CreateActivePhoneCard answer (001_… §3.32): the generated password when the request set none. The manual types
/// it Integer, so generated passwords are digits and answered as a JSON number.
/// </summary>
public sealed record CreateActivePhoneCardResponse : VosResponse
{
    public long? Password { get; init; }
}
