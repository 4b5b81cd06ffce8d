namespace Softswitch.Api.Endpoints.Billing;

/// <summary>InfoAvailableTime (001_… §3.62) and InfoIvrSecondAvailableTime (§3.63, without timeRemainRoutingGateway).</summary>
public sealed record InfoAvailableTime
{
    public string? Account { get; init; }
    public string? AccountName { get; init; }
    public decimal? AccountMoney { get; init; }
    public int TimeRemain { get; init; }
    public int? TimeRemainRoutingGateway { get; init; }
}
