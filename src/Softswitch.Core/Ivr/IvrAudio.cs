namespace Softswitch.Core.Ivr;

/// <summary>
/// An IVR prompt (001_… §3.77 InfoIvrAudio). <see cref="Size"/> is the stored WAV's length in bytes, 0 until
/// ModifyIvrAudioData (§3.78) gives it data.
/// </summary>
public sealed record IvrAudio
{
    /// <summary>Highest type of the manual's table: 0 public … 7 voicemail (§3.74).</summary>
    public const int MaxType = 7;

    public long Id { get; init; }
    public int Type { get; init; }
    public required string Name { get; init; }
    public string Language { get; init; } = "";
    public string IvrServiceName { get; init; } = "";
    public string Memo { get; init; } = "";
    public long Size { get; init; }
}
