using System.Security.Cryptography;

namespace Softswitch.Sip.Messages;

/// <summary>Random From/To tags (RFC 3261 §19.3: at least 32 bits of randomness).</summary>
public static class SipTags
{
    public static string New()
    {
        Span<byte> bytes = stackalloc byte[6];
        RandomNumberGenerator.Fill(bytes);
        return Convert.ToHexStringLower(bytes);
    }
}
