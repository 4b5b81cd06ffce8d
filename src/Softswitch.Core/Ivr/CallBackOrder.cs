namespace Softswitch.Core.Ivr;

/// <summary>CallBack input (001_… §3.60), every field of the manual, as received.</summary>
public sealed record CallBackOrder
{
    public string? CallerE164 { get; init; }
    public string? CallerDisplayNumber { get; init; }

    /// <summary>One callee or several separated by commas ("可设置多个用,分隔").</summary>
    public string? CalleeE164s { get; init; }

    public string? AccessE164 { get; init; }
    public string? AccessE164Password { get; init; }
    public string? CallbackBillingE164 { get; init; }
    public string? CallbackBillingPassword { get; init; }
    public string? CalloutBillingE164 { get; init; }
    public string? CalloutBillingPassword { get; init; }
    public string? CalloutDisplayInFrom { get; init; }
    public string? TransactionId { get; init; }
}
