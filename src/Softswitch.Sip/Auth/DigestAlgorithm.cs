namespace Softswitch.Sip.Auth;

/// <summary>
/// Digest hash algorithms supported here (RFC 7616 §3.2; SHA-256 for SIP per RFC 8760 §2.2).
/// The "-sess" variants fold the server nonce and client cnonce into HA1 (RFC 7616 §3.4.2).
/// SHA-512-256 is not offered: .NET has no built-in implementation with the right initial values.
/// </summary>
public enum DigestAlgorithm
{
    Md5,
    Md5Sess,
    Sha256,
    Sha256Sess,
}
