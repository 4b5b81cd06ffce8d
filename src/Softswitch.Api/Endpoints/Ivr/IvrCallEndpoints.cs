using Softswitch.Api.Composition;
using Softswitch.Api.Vos;
using Softswitch.Core.Ivr;

namespace Softswitch.Api.Endpoints.Ivr;

/// <summary>
/// IVR call interfaces: CallBack (001_… §3.60), PlayAudio (§3.61, §5.1), ReserveCalleeE164 (§3.66) and
/// DisconnectIvrCall (§3.89). Translation only: IvrCallService decides. CallBack and PlayAudio are validated and then
/// refused with -10014 NotAvailable: the switch does not originate calls yet (issue 9), so it claims none.
/// </summary>
public static class IvrCallEndpoints
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapVos<CallBackOrder, IvrCallService>("CallBack",
            new("3.60", "Call back: ring callerE164, then connect it to calleeE164s through accessE164's IVR flow (validated, then -10014: calls are not originated yet).")
            {
                Mandatory = ["callerE164", "calleeE164s", "accessE164", "accessE164Password"],
                Example = """{"callerE164":"13800138000","callerDisplayNumber":"4008001000","calleeE164s":"13900139000","accessE164":"1001","accessE164Password":"secret1001","transactionId":"order-20260301-0001"}""",
                Response = typeof(IvrCallResponse),
            },
            async (order, ivr, ct) => Answer(await ivr.CallBackAsync(order, ct)));

        group.MapVos<PlayAudioOrder, IvrCallService>("PlayAudio",
            new("3.61", "Call callee and play the named IVR audios in order (validated, then -10014: calls are not originated yet).")
            {
                Mandatory = ["audioes", "callee", "accessE164", "accessE164Password"],
                Example = """{"audioes":"welcome","language":"zh","callee":"13900139000","accessE164":"1001","accessE164Password":"secret1001","billingNumber":"1001","billingNumberType":0,"transactionId":"notice-20260301-0001"}""",
                Response = typeof(IvrCallResponse),
            },
            async (order, ivr, ct) => Answer(await ivr.PlayAudioAsync(order, ct)));

        group.MapVos<ReserveCalleeE164Request, IvrCallService>("ReserveCalleeE164",
            new("3.66", "Semi-direct dial: reserve the callee callerE164 is connected to when it next calls accessE164.")
            {
                Mandatory = ["callerE164", "calleeE164", "accessE164", "accessE164Password"],
                Example = """{"callerE164":"13800138000","calleeE164":"13900139000","accessE164":"1001","accessE164Password":"secret1001"}""",
            },
            async (request, ivr, ct) => VosResults.From(await ivr.ReserveCalleeAsync(request.CallerE164, request.CalleeE164,
                request.AccessE164, request.AccessE164Password, ct)));

        group.MapVos<DisconnectIvrCallRequest, IvrCallService>("DisconnectIvrCall",
            new("3.89", "End live IVR calls by callIdentifier (none is live until IVR calls are placed: NotFound).")
            {
                Mandatory = ["callIdentifiers"],
                Example = """{"callIdentifiers":["17723592000000011"]}""",
            },
            (request, ivr, _) => Task.FromResult(VosResults.From(ivr.Disconnect(request.CallIdentifiers))));
    }

    private static VosResponse Answer(Core.Management.ServiceResult<IvrCallAccepted> result) =>
        result.IsSuccess
            ? new IvrCallResponse { TransactionId = result.Value!.TransactionId, CallIdentifier = result.Value.CallIdentifier }
            : VosResults.Fail(result);
}
