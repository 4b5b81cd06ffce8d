namespace Softswitch.Api.Endpoints.Operations;

/// <summary>CreateIpLimit body (001_… §3.86: ip mandatory) and DeleteIpLimit body (§3.87: ips mandatory).</summary>
public sealed record IpLimitRequest
{
    public string? Area { get; init; }
    public string? Ip { get; init; }
    public int? Count { get; init; }
    public string? Memo { get; init; }

    /// <summary>DeleteIpLimit: a String (not an array) of start addresses, comma-separated when several.</summary>
    public string? Ips { get; init; }
}
