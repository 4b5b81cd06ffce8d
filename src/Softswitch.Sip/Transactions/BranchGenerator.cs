using System.Security.Cryptography;
using Softswitch.Sip.Messages;

namespace Softswitch.Sip.Transactions;

/// <summary>
/// Via branch values: the RFC 3261 magic cookie followed by 64 random bits in lower-case hex (§8.1.1.7: unique across
/// space and time). One string allocation per call, nothing else.
/// </summary>
public static class BranchGenerator
{
    private const int RandomBytes = 8;

    public static string NewBranch() =>
        string.Create(SipVia.MagicCookie.Length + RandomBytes * 2, 0, static (chars, _) =>
        {
            SipVia.MagicCookie.AsSpan().CopyTo(chars);
            Span<byte> random = stackalloc byte[RandomBytes];
            RandomNumberGenerator.Fill(random);
            Span<char> hex = chars[SipVia.MagicCookie.Length..];
            for (int i = 0; i < random.Length; i++)
            {
                hex[2 * i] = "0123456789abcdef"[random[i] >> 4];
                hex[2 * i + 1] = "0123456789abcdef"[random[i] & 0xF];
            }
        });

    /// <summary>True when the branch carries the cookie, i.e. the sender follows RFC 3261 transaction matching.</summary>
    public static bool IsRfc3261(string? branch) =>
        branch is not null && branch.StartsWith(SipVia.MagicCookie, StringComparison.Ordinal);
}
