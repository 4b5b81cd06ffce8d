namespace Softswitch.Sip.Auth;

/// <summary>
/// Why a Digest header value (credentials or challenge) was refused. A flat reason code in the
/// style of <see cref="Messages.SipParseError"/>: the parser never throws on wire input, it names
/// the first thing that was wrong so the registrar can log it precisely.
/// </summary>
public enum DigestParseError
{
    None,
    /// <summary>Absent, empty or all-whitespace value.</summary>
    Empty,
    /// <summary>Longer than <see cref="DigestHeaderParser.MaxHeaderLength"/>; refused before scanning.</summary>
    TooLong,
    /// <summary>The auth-scheme is not "Digest" (RFC 7235 §2.1), e.g. Basic or a bare parameter list.</summary>
    NotDigest,
    /// <summary>More auth-params than <see cref="DigestHeaderParser.MaxParameters"/>.</summary>
    TooManyParameters,
    /// <summary>A parameter name is empty or contains a character outside RFC 3261 §25.1 token.</summary>
    BadName,
    /// <summary>A parameter name is longer than <see cref="DigestHeaderParser.MaxNameLength"/>.</summary>
    NameTooLong,
    /// <summary>A parameter name is not followed by '='.</summary>
    ExpectedEquals,
    /// <summary>A token value is empty or contains a non-token character.</summary>
    BadValue,
    /// <summary>A value is longer than <see cref="DigestHeaderParser.MaxValueLength"/>.</summary>
    ValueTooLong,
    /// <summary>A quoted-string has no closing quote (or ends in a lone backslash).</summary>
    UnterminatedQuote,
    /// <summary>A control character (other than HTAB) inside a quoted-string, raw or escaped.</summary>
    BadQuotedCharacter,
    /// <summary>Something other than ',' after a parameter value.</summary>
    ExpectedComma,
    /// <summary>The same parameter name twice (RFC 7616 §3.4: each directive at most once).</summary>
    DuplicateParameter,
    /// <summary>"Digest" with no parameters at all.</summary>
    NoParameters,
    /// <summary>A parameter the RFC requires is absent (username, realm, nonce, uri, response; cnonce/nc with qop).</summary>
    MissingParameter,
    /// <summary>nc is not exactly 8 hex digits or is zero (RFC 7616 §3.4).</summary>
    BadNonceCount,
    /// <summary>qop other than "auth" (auth-int is not supported: SIP bodies are not hashed here).</summary>
    UnsupportedQop,
    /// <summary>algorithm is not one of MD5, MD5-sess, SHA-256, SHA-256-sess.</summary>
    UnsupportedAlgorithm,
    /// <summary>userhash=true (RFC 7616 §3.4.4); never offered by this server.</summary>
    UnsupportedUserHash,
    /// <summary>stale is neither "true" nor "false".</summary>
    BadStale,
}
