namespace Softswitch.Api.Endpoints.Billing;

/// <summary>InfoPay (001_… §3.22): the account, its balance after the payment, its validTime and the amount paid.</summary>
public sealed record InfoPay
{
    public required string Account { get; init; }
    public decimal Money { get; init; }
    public long ValidTime { get; init; }
    public decimal PayMoney { get; init; }
}
