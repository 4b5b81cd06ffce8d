namespace Softswitch.Api.Vos.Access;

/// <summary>
/// One row of the manual's "Web 访问控制" table (001_… §2.1): a directory and the client addresses it is granted
/// to. Directory is "/external/server" (every interface), "/external/server/GetCustomer" (one interface) or
/// "/external/test/server" (the test page and /openapi.json).
/// </summary>
public sealed class VosAccessRule
{
    public string Directory { get; set; } = "";

    /// <summary>Addresses ("192.0.2.7", "::1") or CIDR networks ("10.0.0.0/8").</summary>
    public IList<string> AllowedClients { get; } = [];
}
