namespace Softswitch.Core.Ivr;

/// <summary>PlayAudio input (001_… §3.61, §5.1), every field of the manual, as received.</summary>
public sealed record PlayAudioOrder
{
    /// <summary>IVR audio names separated by commas, played in order.</summary>
    public string? Audioes { get; init; }

    public string? Language { get; init; }
    public string? CallerDisplayNumber { get; init; }
    public string? Callee { get; init; }
    public string? AccessE164 { get; init; }
    public string? AccessE164Password { get; init; }
    public string? BillingNumber { get; init; }

    /// <summary>0 phone, 2 bound number, 3 phone card (1 is not in the manual's list).</summary>
    public int? BillingNumberType { get; init; }

    public string? TransactionId { get; init; }
}
