namespace Softswitch.Api.Vos;

/// <summary>GetIvrAudio answer (001_… §3.77).</summary>
public sealed record GetIvrAudioResponse : VosResponse
{
    public IReadOnlyList<InfoIvrAudio> InfoIvrAudios { get; init; } = [];
}
