namespace Softswitch.Api.Endpoints.Ivr;

/// <summary>DisconnectIvrCall body (001_… §3.89): the callIdentifiers CallBack/PlayAudio answered.</summary>
public sealed record DisconnectIvrCallRequest
{
    public IReadOnlyList<string?>? CallIdentifiers { get; init; }
}
