using Softswitch.Api.Composition;
using Softswitch.Api.Vos;
using Softswitch.Core.Ivr;

namespace Softswitch.Api.Endpoints.Ivr;

/// <summary>IVR audios (Ivr 语音), 001_… §3.74-§3.78. Translation only: IvrAudioService decides.</summary>
public static class IvrAudioEndpoints
{
    /// <summary>A 48-byte WAV (PCM 8000 Hz 16-bit mono, two silent samples) as §3.78 hex.</summary>
    private const string ExampleWavHex =
        "524946462800000057415645666D74201000000001000100401F0000803E0000020010006461746104000000" + "00000000";

    public static void Map(RouteGroupBuilder group)
    {
        group.MapVos<IvrAudioRequest, IvrAudioService>("CreateIvrAudio",
            new("3.74", "Create an IVR audio (type 0-7, name unique per type and language); answers its id.")
            {
                Mandatory = ["type", "name"],
                Example = """{"type":4,"name":"welcome","language":"zh","ivrServiceName":"callback","memo":"greeting of the callback flow"}""",
                Response = typeof(CreateIvrAudioResponse),
            },
            async (request, audios, ct) =>
            {
                var result = await audios.CreateAsync(request.Type, request.Name, request.Language, request.IvrServiceName,
                    request.Memo, ct);
                return result.IsSuccess ? new CreateIvrAudioResponse { Id = result.Value } : VosResults.Fail(result);
            });

        group.MapVos<IvrAudioRequest, IvrAudioService>("ModifyIvrAudio",
            new("3.75", "Change an IVR audio's language, flow or memo; absent fields keep their value.")
            {
                Mandatory = ["id"],
                Example = """{"id":1,"language":"en","memo":"English greeting"}""",
            },
            async (request, audios, ct) => VosResults.From(
                await audios.ModifyAsync(request.Id, request.Language, request.IvrServiceName, request.Memo, ct)));

        group.MapVos<IvrAudioRequest, IvrAudioService>("DeleteIvrAudio",
            new("3.76", "Delete an IVR audio and its data.")
            {
                Mandatory = ["id"],
                Example = """{"id":1}""",
            },
            async (request, audios, ct) => VosResults.From(await audios.DeleteAsync(request.Id, ct)));

        group.MapVos<IvrAudioRequest, IvrAudioService>("GetIvrAudio",
            new("3.77", "Query IVR audios by type or by ids (one or the other); with neither, all of them.")
            {
                Example = """{"ids":[1]}""",
                Response = typeof(GetIvrAudioResponse),
            },
            async (request, audios, ct) =>
            {
                var result = await audios.QueryAsync(request.Type, request.Ids?.Select(i => (long)i).ToArray(), ct);
                return result.IsSuccess
                    ? new GetIvrAudioResponse { InfoIvrAudios = result.Value!.Select(InfoIvrAudio.From).ToArray() }
                    : VosResults.Fail(result);
            });

        group.MapVos<IvrAudioRequest, IvrAudioService>("ModifyIvrAudioData",
            new("3.78", "Replace an IVR audio's sound: a WAV file (PCM 8000 Hz, 16-bit, mono) as hex text.")
            {
                Mandatory = ["id", "data"],
                Example = $$"""{"id":1,"data":"{{ExampleWavHex}}"}""",
            },
            async (request, audios, ct) => VosResults.From(await audios.ModifyDataAsync(request.Id, request.Data, ct)));
    }
}
