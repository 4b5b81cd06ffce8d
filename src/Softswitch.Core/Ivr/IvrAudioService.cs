using System.Collections.Concurrent;
using Softswitch.Core.Management;
using Softswitch.Core.Store;

namespace Softswitch.Core.Ivr;

/// <summary>
/// IVR prompts (001_… §3.74-§3.78). Validate, write SQLite, then update memory; the WAV bytes stay in the store and
/// only their size is kept in memory. An audio is identified by its id; (type, name, language) is unique so a flow
/// asking for a prompt by name in a language finds one file.
/// </summary>
public sealed class IvrAudioService : IDisposable
{
    private readonly ISystemStore _store;
    private readonly ConcurrentDictionary<long, IvrAudio> _audios = new();
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile bool _loaded;

    public IvrAudioService(ISystemStore store)
    {
        _store = store;
    }

    /// <summary>CreateIvrAudio (§3.74): type 0-7 and name mandatory; answers the new id.</summary>
    public async Task<ServiceResult<long>> CreateAsync(int? type, string? name, string? language, string? ivrServiceName,
        string? memo, CancellationToken cancellationToken = default)
    {
        var invalid = (type is null ? ServiceResult.Fail(ServiceError.MissingField, "type", "Missing mandatory field 'type'.") : null)
            ?? FieldRules.Range(type, "type", 0, IvrAudio.MaxType)
            ?? FieldRules.Required(name, "name")
            ?? CheckOptional(language, ivrServiceName, memo);
        if (invalid is not null)
        {
            return invalid.As<long>();
        }
        var audio = new IvrAudio
        {
            Type = type!.Value, Name = name!, Language = language ?? "", IvrServiceName = ivrServiceName ?? "", Memo = memo ?? "",
        };
        await LoadAsync(cancellationToken);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (Clash(audio) is { } duplicate)
            {
                return duplicate.As<long>();
            }
            long id = await _store.InsertIvrAudioAsync(audio, cancellationToken);
            _audios[id] = audio with { Id = id };
            return ServiceResult<long>.Success(id);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>ModifyIvrAudio (§3.75): language, ivrServiceName and memo; an absent field keeps its value.</summary>
    public async Task<ServiceResult> ModifyAsync(long? id, string? language, string? ivrServiceName, string? memo,
        CancellationToken cancellationToken = default)
    {
        if ((RequireId(id) ?? CheckOptional(language, ivrServiceName, memo)) is { } invalid)
        {
            return invalid;
        }
        await LoadAsync(cancellationToken);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (!_audios.TryGetValue(id!.Value, out var audio))
            {
                return NotFound(id.Value);
            }
            var changed = audio with
            {
                Language = language ?? audio.Language,
                IvrServiceName = ivrServiceName ?? audio.IvrServiceName,
                Memo = memo ?? audio.Memo,
            };
            if (Clash(changed) is { } duplicate)
            {
                return duplicate;
            }
            await _store.UpdateIvrAudioAsync(changed, cancellationToken);
            _audios[changed.Id] = changed;
            return ServiceResult.Ok;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>DeleteIvrAudio (§3.76): the audio and its data.</summary>
    public async Task<ServiceResult> DeleteAsync(long? id, CancellationToken cancellationToken = default)
    {
        if (RequireId(id) is { } invalid)
        {
            return invalid;
        }
        await LoadAsync(cancellationToken);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (!_audios.ContainsKey(id!.Value))
            {
                return NotFound(id.Value);
            }
            await _store.DeleteIvrAudioAsync(id.Value, cancellationToken);
            _audios.TryRemove(id.Value, out _);
            return ServiceResult.Ok;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// GetIvrAudio (§3.77): by type or by ids ("二选其一": giving both is refused); with neither, every audio. Ids
    /// that do not exist are simply not listed, as other Get interfaces do.
    /// </summary>
    public async Task<ServiceResult<IReadOnlyList<IvrAudio>>> QueryAsync(int? type, IReadOnlyList<long>? ids,
        CancellationToken cancellationToken = default)
    {
        if (type is not null && ids is not null)
        {
            return new(ServiceError.OutOfRange, "ids", "Give either 'type' or 'ids', not both.", null);
        }
        if (FieldRules.Range(type, "type", 0, IvrAudio.MaxType) is { } invalid)
        {
            return invalid.As<IReadOnlyList<IvrAudio>>();
        }
        await LoadAsync(cancellationToken);
        IEnumerable<IvrAudio> found = ids is not null
            ? ids.Distinct().Select(i => _audios.GetValueOrDefault(i)).OfType<IvrAudio>()
            : _audios.Values.Where(a => type is null || a.Type == type);
        return ServiceResult<IReadOnlyList<IvrAudio>>.Success(found.OrderBy(a => a.Id).ToArray());
    }

    /// <summary>
    /// ModifyIvrAudioData (§3.78): hex text of a WAV file, PCM 8000 Hz 16-bit mono; anything else is refused with
    /// the reason (OutOfRange names 'data').
    /// </summary>
    public async Task<ServiceResult> ModifyDataAsync(long? id, string? data, CancellationToken cancellationToken = default)
    {
        if (RequireId(id) is { } missingId)
        {
            return missingId;
        }
        if (string.IsNullOrEmpty(data))
        {
            return ServiceResult.Fail(ServiceError.MissingField, "data", "Missing mandatory field 'data'.");
        }
        byte[]? wav = PcmWav.DecodeHex(data, out string? reason);
        reason ??= PcmWav.Validate(wav);
        if (reason is not null)
        {
            return ServiceResult.Fail(ServiceError.OutOfRange, "data", "Field 'data' refused: " + reason);
        }
        await LoadAsync(cancellationToken);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (!_audios.TryGetValue(id!.Value, out var audio))
            {
                return NotFound(id.Value);
            }
            await _store.SaveIvrAudioDataAsync(audio.Id, wav!, cancellationToken);
            _audios[audio.Id] = audio with { Size = wav!.Length };
            return ServiceResult.Ok;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The stored WAV file, or null when the audio does not exist or has no data yet.</summary>
    public async Task<byte[]?> GetDataAsync(long id, CancellationToken cancellationToken = default) =>
        await _store.LoadIvrAudioDataAsync(id, cancellationToken);

    /// <summary>The audios called <paramref name="name"/> (any type), in <paramref name="language"/> when given.</summary>
    public async Task<IReadOnlyList<IvrAudio>> FindByNameAsync(string name, string? language, CancellationToken cancellationToken = default)
    {
        await LoadAsync(cancellationToken);
        return _audios.Values.Where(a => a.Name == name && (string.IsNullOrEmpty(language) || a.Language == language)).ToArray();
    }

    public void Dispose() => _gate.Dispose();

    private static ServiceResult? RequireId(long? id) =>
        id is null ? ServiceResult.Fail(ServiceError.MissingField, "id", "Missing mandatory field 'id'.") : null;

    private static ServiceResult NotFound(long id) =>
        ServiceResult.Fail(ServiceError.NotFound, "id", $"IVR audio {id} not found.");

    private static ServiceResult? CheckOptional(string? language, string? ivrServiceName, string? memo) =>
        FieldRules.Length(language, "language") ?? FieldRules.Length(ivrServiceName, "ivrServiceName")
            ?? FieldRules.Length(memo, "memo");

    private ServiceResult? Clash(IvrAudio audio) =>
        _audios.Values.Any(a => a.Id != audio.Id && a.Type == audio.Type && a.Name == audio.Name && a.Language == audio.Language)
            ? ServiceResult.Fail(ServiceError.Duplicate, "name",
                $"An IVR audio of type {audio.Type} named '{audio.Name}' in language '{audio.Language}' already exists.")
            : null;

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        if (_loaded)
        {
            return;
        }
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (!_loaded)
            {
                foreach (var audio in await _store.LoadIvrAudiosAsync(cancellationToken))
                {
                    _audios[audio.Id] = audio;
                }
                _loaded = true;
            }
        }
        finally
        {
            _gate.Release();
        }
    }
}
