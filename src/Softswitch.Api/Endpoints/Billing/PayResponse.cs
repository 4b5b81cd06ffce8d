using Softswitch.Api.Vos;

namespace Softswitch.Api.Endpoints.Billing;

/// <summary>Pay / PayByPhoneCard answer (001_… §3.22, §3.58).</summary>
public sealed record PayResponse : VosResponse
{
    public InfoPay? InfoPay { get; init; }
}
