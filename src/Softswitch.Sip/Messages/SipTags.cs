using System.Security.Cryptography;

namespace Softswitch.Sip.Messages;

/// <summary>Random From/To tags (RFC 3261 §19.3: at least 32 bits of randomness).</summary>
public static class SipTags
{
    private static readonly byte[] Secret = RandomNumberGenerator.GetBytes(32);

    /// <summary>
    /// The To tag this switch uses for every response to one INVITE attempt (same Call-ID and From tag): random to
    /// anyone without the process secret, yet the same for the 407 challenge and for the final answer. UAs such as
    /// SIPp keep the first To tag they see (the 407's) for the dialog's later requests, so the dialog must use it.
    /// </summary>
    public static string For(string callId, string? fromTag)
    {
        Span<byte> hash = stackalloc byte[32];
        HMACSHA256.HashData(Secret, System.Text.Encoding.UTF8.GetBytes(callId + "\n" + fromTag), hash);
        return Convert.ToHexStringLower(hash[..6]);
    }

    public static string New()
    {
        Span<byte> bytes = stackalloc byte[6];
        RandomNumberGenerator.Fill(bytes);
        return Convert.ToHexStringLower(bytes);
    }
}
