namespace Softswitch.Api.Endpoints.Operations;

/// <summary>One softswitch (001_… §3.56 InfoSoftSwitch).</summary>
public sealed record InfoSoftSwitch
{
    public string Name { get; init; } = "";
    public string Identification { get; init; } = "";
    public long CreateTime { get; init; }
    public long? AccessTime { get; init; }
    public string? AccessAddress { get; init; }
    public string Memo { get; init; } = "";
}
