using Softswitch.Api.Vos;

namespace Softswitch.Api.Endpoints.Ivr;

/// <summary>CreateIvrAudio answer (001_… §3.74): the new audio's id.</summary>
public sealed record CreateIvrAudioResponse : VosResponse
{
    public long Id { get; init; }
}
