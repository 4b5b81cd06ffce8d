using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace Softswitch.Sip.Auth;

/// <summary>
/// The Digest computations of RFC 7616 §3.4.1–3.4.3 (identical to RFC 2617 §3.2.2 for MD5), over UTF-8
/// (RFC 7616 §4: charset=UTF-8; SIP is UTF-8 throughout). Intermediate values are lowercase hex
/// strings because the RFC hashes the hex text, not the raw bytes.
/// </summary>
public static class DigestHash
{
    /// <summary>H(data) as lowercase hex.</summary>
    public static string Hex(DigestAlgorithm algorithm, string data)
    {
        Span<byte> digest = stackalloc byte[32];
        int size = Compute(algorithm, data, digest);
        return Convert.ToHexStringLower(digest[..size]);
    }

    /// <summary>HA1 = H(username ":" realm ":" password) (RFC 7616 §3.4.2). Storable instead of the password.</summary>
    public static string Ha1(DigestAlgorithm algorithm, string username, string realm, string password) =>
        Hex(algorithm, string.Concat(username, ":", realm, ":", password));

    /// <summary>
    /// The HA1 actually used in the response: for "-sess" algorithms H(HA1 ":" nonce ":" cnonce)
    /// (RFC 7616 §3.4.2), otherwise <paramref name="baseHa1"/> unchanged.
    /// </summary>
    public static string EffectiveHa1(DigestAlgorithm algorithm, string baseHa1, string nonce, string? cnonce) =>
        DigestAlgorithmNames.IsSession(algorithm)
            ? Hex(algorithm, string.Concat(baseHa1, ":", nonce, ":", cnonce ?? string.Empty))
            : baseHa1;

    /// <summary>HA2 = H(method ":" digest-uri) for qop=auth or no qop (RFC 7616 §3.4.3).</summary>
    public static string Ha2(DigestAlgorithm algorithm, string method, string digestUri) =>
        Hex(algorithm, string.Concat(method, ":", digestUri));

    /// <summary>
    /// The raw response digest, written to <paramref name="destination"/> (returns its size).
    /// With qop: KD(HA1, nonce ":" nc ":" cnonce ":" qop ":" HA2) (RFC 7616 §3.4.1);
    /// without qop (RFC 2069 compatibility, RFC 2617 §3.2.2.1): KD(HA1, nonce ":" HA2).
    /// </summary>
    public static int Response(
        DigestAlgorithm algorithm, string ha1, string nonce, string? nc, string? cnonce, string? qop, string ha2,
        Span<byte> destination)
    {
        string data = qop is null
            ? string.Concat(ha1, ":", nonce, ":", ha2)
            : string.Join(':', ha1, nonce, nc, cnonce, qop, ha2);
        return Compute(algorithm, data, destination);
    }

    /// <summary>The response as lowercase hex, as it travels in the response= directive.</summary>
    public static string ResponseHex(
        DigestAlgorithm algorithm, string ha1, string nonce, string? nc, string? cnonce, string? qop, string ha2)
    {
        Span<byte> digest = stackalloc byte[32];
        int size = Response(algorithm, ha1, nonce, nc, cnonce, qop, ha2, digest);
        return Convert.ToHexStringLower(digest[..size]);
    }

    private static int Compute(DigestAlgorithm algorithm, string data, Span<byte> destination)
    {
        // Inputs are bounded by the header limits, so the rented buffer is at most a few KB.
        int max = Encoding.UTF8.GetMaxByteCount(data.Length);
        byte[]? rented = null;
        Span<byte> buffer = max <= 512 ? stackalloc byte[512] : (rented = ArrayPool<byte>.Shared.Rent(max));
        try
        {
            int count = Encoding.UTF8.GetBytes(data, buffer);
            return algorithm is DigestAlgorithm.Md5 or DigestAlgorithm.Md5Sess
                ? MD5.HashData(buffer[..count], destination)
                : SHA256.HashData(buffer[..count], destination);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }
}
