namespace Softswitch.Sip.Auth;

/// <summary>Wire names of <see cref="DigestAlgorithm"/> values (RFC 7616 §6.1 registry), case-insensitive on input.</summary>
public static class DigestAlgorithmNames
{
    public static string ToWire(DigestAlgorithm algorithm) => algorithm switch
    {
        DigestAlgorithm.Md5 => "MD5",
        DigestAlgorithm.Md5Sess => "MD5-sess",
        DigestAlgorithm.Sha256 => "SHA-256",
        DigestAlgorithm.Sha256Sess => "SHA-256-sess",
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "Unknown digest algorithm."),
    };

    /// <summary>
    /// Maps a wire name; an absent algorithm means MD5 (RFC 7616 §3.3 "If this is not present, it is
    /// assumed to be MD5"), which keeps RFC 2069/2617 clients working.
    /// </summary>
    public static bool TryParse(string? name, out DigestAlgorithm algorithm)
    {
        algorithm = DigestAlgorithm.Md5;
        if (name is null || name.Equals("MD5", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        if (name.Equals("SHA-256", StringComparison.OrdinalIgnoreCase))
        {
            algorithm = DigestAlgorithm.Sha256;
            return true;
        }
        if (name.Equals("MD5-sess", StringComparison.OrdinalIgnoreCase))
        {
            algorithm = DigestAlgorithm.Md5Sess;
            return true;
        }
        if (name.Equals("SHA-256-sess", StringComparison.OrdinalIgnoreCase))
        {
            algorithm = DigestAlgorithm.Sha256Sess;
            return true;
        }
        return false;
    }

    public static bool IsSession(DigestAlgorithm algorithm) =>
        algorithm is DigestAlgorithm.Md5Sess or DigestAlgorithm.Sha256Sess;

    /// <summary>Digest output size in bytes: 16 for MD5, 32 for SHA-256.</summary>
    public static int HashSize(DigestAlgorithm algorithm) =>
        algorithm is DigestAlgorithm.Md5 or DigestAlgorithm.Md5Sess ? 16 : 32;
}
