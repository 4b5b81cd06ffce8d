namespace Softswitch.Core.Pushes;

/// <summary>
/// CallStateReport request body (001_… §4.5), field for field. callState carries the VOS3000 codes (-18, -7…-13);
/// the optional gateway names and transactionId are left out of the JSON when null.
/// </summary>
public sealed record CallStateReportPush
{
    public required long CallId { get; init; }
    public required int CallState { get; init; }

    /// <summary>Milliseconds since 1970-01-01 UTC.</summary>
    public required long EventTime { get; init; }
    public required string CallerE164 { get; init; }
    public required string CalleeE164 { get; init; }
    public string? CallerGatewayId { get; init; }
    public string? CalleeGatewayId { get; init; }
    public string CallerIp { get; init; } = "";
    public string CalleeIp { get; init; } = "";
    public string CallerLocalIp { get; init; } = "";
    public string CalleeLocalIp { get; init; } = "";
    public string? TransactionId { get; init; }

    /// <summary>The caller leg's SIP Call-ID.</summary>
    public string CallIdentifier { get; init; } = "";
}
