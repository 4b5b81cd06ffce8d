using Softswitch.Core.Ivr;

namespace Softswitch.Api.Endpoints.Ivr;

/// <summary>One IVR audio (001_… §3.77 InfoIvrAudio); size is the stored WAV's length in bytes.</summary>
public sealed record InfoIvrAudio
{
    public long Id { get; init; }
    public int Type { get; init; }
    public string Name { get; init; } = "";
    public string Language { get; init; } = "";
    public string IvrServiceName { get; init; } = "";
    public long Size { get; init; }
    public string Memo { get; init; } = "";

    public static InfoIvrAudio From(IvrAudio a) => new()
    {
        Id = a.Id, Type = a.Type, Name = a.Name, Language = a.Language, IvrServiceName = a.IvrServiceName, Size = a.Size, Memo = a.Memo,
    };
}
