namespace Softswitch.Sip.Auth;

/// <summary>
/// The typed content of a Digest WWW-Authenticate / Proxy-Authenticate value (RFC 7616 §3.3), as the
/// client side needs it.
/// </summary>
public sealed record DigestChallenge(
    string Realm,
    string Nonce,
    DigestAlgorithm Algorithm,
    bool QopOffered,
    string? Opaque,
    bool Stale)
{
    public static DigestParseError TryParse(string? headerValue, out DigestChallenge? challenge)
    {
        challenge = null;
        var error = DigestHeaderParser.TryParse(headerValue, out var parameters);
        return error != DigestParseError.None ? error : TryCreate(parameters!, out challenge);
    }

    public static DigestParseError TryCreate(DigestParameters parameters, out DigestChallenge? challenge)
    {
        challenge = null;
        string? realm = parameters["realm"];
        string? nonce = parameters["nonce"];
        if (realm is null || nonce is null)
        {
            return DigestParseError.MissingParameter;
        }
        if (!DigestAlgorithmNames.TryParse(parameters["algorithm"], out var algorithm))
        {
            return DigestParseError.UnsupportedAlgorithm;
        }

        // qop in a challenge is a quoted list such as "auth,auth-int" (RFC 7616 §3.3).
        bool qopOffered = false;
        string? qop = parameters["qop"];
        if (qop is not null)
        {
            foreach (var option in qop.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                qopOffered |= option.Equals("auth", StringComparison.OrdinalIgnoreCase);
            }
            if (!qopOffered)
            {
                // Only auth-int (or unknown) offered: we cannot answer without hashing the body.
                return DigestParseError.UnsupportedQop;
            }
        }

        bool stale = false;
        string? staleText = parameters["stale"];
        if (staleText is not null)
        {
            // RFC 7616 §3.3: case-insensitive "true"/"false"; anything else is refused rather than guessed.
            if (staleText.Equals("true", StringComparison.OrdinalIgnoreCase))
            {
                stale = true;
            }
            else if (!staleText.Equals("false", StringComparison.OrdinalIgnoreCase))
            {
                return DigestParseError.BadStale;
            }
        }

        challenge = new DigestChallenge(realm, nonce, algorithm, qopOffered, parameters["opaque"], stale);
        return DigestParseError.None;
    }
}
