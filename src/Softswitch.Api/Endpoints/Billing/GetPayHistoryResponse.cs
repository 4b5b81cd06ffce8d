using Softswitch.Api.Vos;

namespace Softswitch.Api.Endpoints.Billing;

/// <summary>GetPayHistory answer (001_… §3.46); the manual spells the list infoPayHistorys.</summary>
public sealed record GetPayHistoryResponse : VosResponse
{
    public IReadOnlyList<InfoPayHistory> InfoPayHistorys { get; init; } = [];
}
