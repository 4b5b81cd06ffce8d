namespace Softswitch.Core.Phones;

/// <summary>InfoPhoneValueAddedForwardE164 (001_… §3.6): where a forward goes. Null = not set.</summary>
public sealed record PhoneValueAddedForwardE164
{
    /// <summary>前转方式 0:sequential (default) 2:random 3:simultaneous.</summary>
    public int? ForwardMethod { get; init; }

    /// <summary>Ring time before the next number, seconds; -1 (default) = system value.</summary>
    public int? AlertSecond { get; init; }

    /// <summary>Forward numbers, comma separated.</summary>
    public string? E164 { get; init; }
}
