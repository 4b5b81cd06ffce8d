using Softswitch.Api.Vos;

namespace Softswitch.Api.Endpoints.Billing;

/// <summary>GetPhoneCard answer (001_… §3.84).</summary>
public sealed record GetPhoneCardResponse : VosResponse
{
    public InfoPhoneCard? InfoPhoneCard { get; init; }
}
