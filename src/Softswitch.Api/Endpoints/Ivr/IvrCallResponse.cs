using Softswitch.Api.Vos;

namespace Softswitch.Api.Endpoints.Ivr;

/// <summary>CallBack and PlayAudio answer (001_… §3.60, §3.61): the ids CallStateReport will carry.</summary>
public sealed record IvrCallResponse : VosResponse
{
    public string? TransactionId { get; init; }
    public string? CallIdentifier { get; init; }
}
