using Softswitch.Api.Vos;

namespace Softswitch.Api.Endpoints.Billing;

/// <summary>GetActivePhoneCard answer (001_… §3.35).</summary>
public sealed record GetActivePhoneCardResponse : VosResponse
{
    public IReadOnlyList<InfoActivePhoneCard> InfoActivePhoneCards { get; init; } = [];
}
