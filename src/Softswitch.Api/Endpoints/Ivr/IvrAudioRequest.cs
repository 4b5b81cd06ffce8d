namespace Softswitch.Api.Endpoints.Ivr;

/// <summary>
/// Body of the IVR audio interfaces (001_… §3.74-§3.78); each interface's mandatory fields are in its catalog entry:
/// Create type+name, Modify/Delete id, Get type or ids, ModifyIvrAudioData id+data.
/// </summary>
public sealed record IvrAudioRequest
{
    public int? Id { get; init; }
    public int? Type { get; init; }
    public string? Name { get; init; }
    public string? Language { get; init; }
    public string? IvrServiceName { get; init; }
    public string? Memo { get; init; }
    public IReadOnlyList<int>? Ids { get; init; }

    /// <summary>The WAV file as hex text (§3.78), PCM 8000 Hz 16-bit mono.</summary>
    public string? Data { get; init; }
}
