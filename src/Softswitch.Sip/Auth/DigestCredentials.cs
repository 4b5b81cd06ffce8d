using System.Globalization;

namespace Softswitch.Sip.Auth;

/// <summary>
/// The typed content of a Digest Authorization / Proxy-Authorization value (RFC 7616 §3.4, RFC 3261 §22.4).
/// </summary>
public sealed record DigestCredentials(
    string Username,
    string Realm,
    string Nonce,
    string Uri,
    string Response,
    DigestAlgorithm Algorithm,
    string? Qop,
    string? Cnonce,
    string? NonceCountText,
    uint NonceCount,
    string? Opaque)
{
    /// <summary>True when the client used qop=auth (and so sent cnonce and nc).</summary>
    public bool HasQop => Qop is not null;

    /// <summary>Parses and validates a header value in one step.</summary>
    public static DigestParseError TryParse(string? headerValue, out DigestCredentials? credentials)
    {
        credentials = null;
        var error = DigestHeaderParser.TryParse(headerValue, out var parameters);
        return error != DigestParseError.None ? error : TryCreate(parameters!, out credentials);
    }

    public static DigestParseError TryCreate(DigestParameters parameters, out DigestCredentials? credentials)
    {
        credentials = null;
        string? username = parameters["username"];
        string? realm = parameters["realm"];
        string? nonce = parameters["nonce"];
        string? uri = parameters["uri"];
        string? response = parameters["response"];
        if (username is null || realm is null || nonce is null || uri is null || response is null)
        {
            return DigestParseError.MissingParameter;
        }
        if (string.Equals(parameters["userhash"], "true", StringComparison.OrdinalIgnoreCase))
        {
            return DigestParseError.UnsupportedUserHash;
        }
        if (!DigestAlgorithmNames.TryParse(parameters["algorithm"], out var algorithm))
        {
            return DigestParseError.UnsupportedAlgorithm;
        }

        string? qop = parameters["qop"];
        string? cnonce = parameters["cnonce"];
        string? ncText = parameters["nc"];
        uint nc = 0;
        if (qop is not null)
        {
            // RFC 7616 §3.4: with qop the client MUST send cnonce and nc; only "auth" is implemented.
            if (!qop.Equals("auth", StringComparison.OrdinalIgnoreCase))
            {
                return DigestParseError.UnsupportedQop;
            }
            qop = "auth";
            if (cnonce is null || ncText is null)
            {
                return DigestParseError.MissingParameter;
            }
            // nc = 8LHEX; zero is never sent (the first use is 00000001).
            if (ncText.Length != 8
                || !uint.TryParse(ncText, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out nc)
                || nc == 0)
            {
                return DigestParseError.BadNonceCount;
            }
        }
        else if (DigestAlgorithmNames.IsSession(algorithm) && cnonce is null)
        {
            // The -sess HA1 needs a cnonce even in the RFC 2617 no-qop form.
            return DigestParseError.MissingParameter;
        }

        credentials = new DigestCredentials(
            username, realm, nonce, uri, response, algorithm, qop, cnonce, ncText, nc, parameters["opaque"]);
        return DigestParseError.None;
    }
}
