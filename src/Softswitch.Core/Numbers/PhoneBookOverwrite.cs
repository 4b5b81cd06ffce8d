namespace Softswitch.Core.Numbers;

/// <summary>
/// InfoCustomerPhoneBookOverWrite (001_… §3.53): create in overwrite mode, replacing the entry found by its number
/// or by one of its short numbers (exactly one of the two).
/// </summary>
public sealed record PhoneBookOverwrite(string? E164, string? ShortE164);
