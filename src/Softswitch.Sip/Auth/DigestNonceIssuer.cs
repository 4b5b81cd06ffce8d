using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;

namespace Softswitch.Sip.Auth;

/// <summary>
/// Stateless, unforgeable nonces: base64url(timestamp || random || HMAC-SHA256(secret, timestamp || random)).
/// </summary>
/// <remarks>
/// RFC 7616 §3.3 suggests a nonce built from a timestamp and a private key so the server can check
/// freshness without storing every nonce it has handed out; under a REGISTER flood that matters, since
/// issuing a challenge then costs no memory. The random part makes nonces unpredictable (RFC 7616 §5.4).
/// The MAC is truncated to 128 bits (RFC 2104 §5 allows truncation to no less than half the output)
/// to keep challenges short enough for UDP. The secret lives only in this process: after a restart old
/// nonces are "forged" and clients are simply challenged again.
/// </remarks>
internal sealed class DigestNonceIssuer
{
    private const int StampSize = 8;
    private const int RandomSize = 12;
    private const int MacSize = 16;
    private const int PayloadSize = StampSize + RandomSize;
    private const int TotalSize = PayloadSize + MacSize;

    /// <summary>base64url without padding of 36 bytes.</summary>
    public const int EncodedLength = TotalSize / 3 * 4;

    /// <summary>Tolerated clock disagreement before a future timestamp is treated as expired.</summary>
    private static readonly long FutureSkewMs = 5_000;

    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);
    private readonly TimeProvider _time;

    public DigestNonceIssuer(TimeProvider time) => _time = time;

    public string Issue()
    {
        Span<byte> nonce = stackalloc byte[TotalSize];
        BinaryPrimitives.WriteInt64BigEndian(nonce, _time.GetUtcNow().ToUnixTimeMilliseconds());
        RandomNumberGenerator.Fill(nonce.Slice(StampSize, RandomSize));
        Sign(nonce[..PayloadSize], nonce[PayloadSize..]);
        return Base64Url.EncodeToString(nonce);
    }

    public NonceValidity Validate(string nonce, TimeSpan lifetime, out long issuedAtMs)
    {
        issuedAtMs = 0;
        Span<byte> bytes = stackalloc byte[TotalSize];
        if (nonce.Length != EncodedLength
            || !Base64Url.TryDecodeFromChars(nonce, bytes, out int written)
            || written != TotalSize)
        {
            return NonceValidity.Forged;
        }

        Span<byte> expected = stackalloc byte[MacSize];
        Sign(bytes[..PayloadSize], expected);
        // Fixed time so the MAC cannot be discovered byte by byte from response timing.
        if (!CryptographicOperations.FixedTimeEquals(expected, bytes[PayloadSize..]))
        {
            return NonceValidity.Forged;
        }

        issuedAtMs = BinaryPrimitives.ReadInt64BigEndian(bytes);
        long nowMs = _time.GetUtcNow().ToUnixTimeMilliseconds();
        long ageMs = nowMs - issuedAtMs;
        return ageMs > (long)lifetime.TotalMilliseconds || ageMs < -FutureSkewMs
            ? NonceValidity.Expired
            : NonceValidity.Valid;
    }

    private void Sign(ReadOnlySpan<byte> payload, Span<byte> mac)
    {
        Span<byte> full = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(_key, payload, full);
        full[..MacSize].CopyTo(mac);
    }
}
