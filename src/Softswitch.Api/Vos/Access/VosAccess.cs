using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace Softswitch.Api.Vos.Access;

/// <summary>
/// The manual's Web access control (001_… §2.1): each rule grants a directory to client addresses; a request is
/// allowed when some rule covering its path lists its address. With no rule at all only loopback is allowed, so a
/// switch whose HTTP port is exposed by mistake still refuses the world. An optional bearer token (a project
/// extension: the manual trusts addresses only) is checked after the address.
/// </summary>
public static class VosAccess
{
    /// <summary>Directory of the formal interfaces; the bearer token guards these only.</summary>
    public const string ServerDirectory = "/external/server";

    /// <summary>Directory of the test page (001_… §2.3); /openapi.json is judged as part of it.</summary>
    public const string TestDirectory = "/external/test/server";

    /// <summary>
    /// Decides for <paramref name="path"/> (the directory-relative path the caller is serving). A connection
    /// without an IP address (in-process test server, Unix socket) can only come from this machine, so it is
    /// judged as 127.0.0.1.
    /// </summary>
    public static VosAccessDecision Check(VosApiOptions options, string path, IPAddress? client, string? authorization)
    {
        client ??= IPAddress.Loopback;
        if (client.IsIPv4MappedToIPv6)
        {
            client = client.MapToIPv4();
        }
        if (!IsGranted(options, path, client))
        {
            return VosAccessDecision.Forbidden;
        }
        if (!string.IsNullOrEmpty(options.BearerToken) && Covers(ServerDirectory, path) &&
            !HasToken(authorization, options.BearerToken))
        {
            return VosAccessDecision.Unauthorized;
        }
        return VosAccessDecision.Allowed;
    }

    /// <summary>True when <paramref name="text"/> is an address or a CIDR network.</summary>
    public static bool IsAddressOrNetwork(string text) =>
        text.Contains('/', StringComparison.Ordinal) ? IPNetwork.TryParse(text, out _) : IPAddress.TryParse(text, out _);

    private static bool IsGranted(VosApiOptions options, string path, IPAddress client)
    {
        bool anyRule = options.AllowedClients.Count > 0 || options.Access.Count > 0;
        if (!anyRule)
        {
            return IPAddress.IsLoopback(client);
        }
        // api.allowedClients (the first, flat form of the setting) grants every directory.
        if (options.AllowedClients.Any(a => Matches(a, client)))
        {
            return true;
        }
        return options.Access.Any(rule => Covers(rule.Directory, path) && rule.AllowedClients.Any(a => Matches(a, client)));
    }

    /// <summary>
    /// A directory covers itself and what lies below it. Case-insensitive because routing is: a grant on
    /// /external/server/GetCustomer must apply to every spelling that reaches GetCustomer.
    /// </summary>
    private static bool Covers(string directory, string path)
    {
        string dir = directory.TrimEnd('/');
        return dir.Length > 0 && path.StartsWith(dir, StringComparison.OrdinalIgnoreCase) &&
               (path.Length == dir.Length || path[dir.Length] == '/');
    }

    private static bool Matches(string allowed, IPAddress client)
    {
        if (allowed.Contains('/', StringComparison.Ordinal))
        {
            return IPNetwork.TryParse(allowed, out var network) && network.Contains(client);
        }
        return IPAddress.TryParse(allowed, out var address) &&
               (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).Equals(client);
    }

    /// <summary>"Bearer &lt;token&gt;", compared in fixed time so the token cannot be guessed byte by byte.</summary>
    private static bool HasToken(string? authorization, string token)
    {
        const string scheme = "Bearer ";
        if (authorization is null || !authorization.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        byte[] given = Encoding.UTF8.GetBytes(authorization[scheme.Length..].Trim());
        byte[] expected = Encoding.UTF8.GetBytes(token);
        return CryptographicOperations.FixedTimeEquals(given, expected);
    }
}
