using Softswitch.Api.Vos;

namespace Softswitch.Api.Endpoints.Ivr;

/// <summary>GetIvrAudio answer (001_… §3.77).</summary>
public sealed record GetIvrAudioResponse : VosResponse
{
    public IReadOnlyList<InfoIvrAudio> InfoIvrAudios { get; init; } = [];
}
