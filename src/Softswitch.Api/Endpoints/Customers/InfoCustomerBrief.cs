namespace Softswitch.Api.Endpoints.Customers;

/// <summary>InfoCustomerBrief (001_… §3.65).</summary>
public sealed record InfoCustomerBrief(string Account, double Money, double LimitMoney);
