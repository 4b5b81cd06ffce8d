namespace Softswitch.Core.Billing;

/// <summary>InfoPay (001_… §3.22): the account paid, its balance afterwards, its validTime and the amount paid.</summary>
public sealed record PayReceipt(string Account, decimal Money, long ValidTime, decimal PayMoney);
