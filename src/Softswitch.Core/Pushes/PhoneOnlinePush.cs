namespace Softswitch.Core.Pushes;

/// <summary>PhoneOnline request body (001_… §4.4), field for field; every field is mandatory there.</summary>
public sealed record PhoneOnlinePush
{
    public required string E164 { get; init; }

    /// <summary>一机多号 numbers of the phone.</summary>
    public IReadOnlyList<string> Dids { get; init; } = [];

    /// <summary>true: came online; false: went offline.</summary>
    public required bool Online { get; init; }

    /// <summary>Milliseconds since 1970-01-01 UTC.</summary>
    public required long EventTime { get; init; }

    /// <summary>Server address that took the registration.</summary>
    public string LocalIp { get; init; } = "";
    public int LocalPort { get; init; }

    /// <summary>Source address of the phone's registration.</summary>
    public string RemoteIp { get; init; } = "";

    /// <summary>设备名称: the phone's User-Agent.</summary>
    public string ProductId { get; init; } = "";
}
