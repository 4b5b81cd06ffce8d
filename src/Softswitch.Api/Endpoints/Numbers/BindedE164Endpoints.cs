using Softswitch.Api.Composition;
using Softswitch.Api.Vos;
using Softswitch.Core.Numbers;

namespace Softswitch.Api.Endpoints.Numbers;

/// <summary>Bound numbers (绑定号码), 001_… §3.36-§3.39. Translation only: BindedE164Service decides.</summary>
public static class BindedE164Endpoints
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapVos<BindedE164Request, BindedE164Service>("CreateBindedE164",
            new("3.36", "Bind a number to a phone card in use.")
            {
                Mandatory = ["e164", "pin"],
                Example = """{"e164":"13800138000","pin":"600100200300","displayE164":"13800138000","language":"zh","memo":"mobile of card holder"}""",
            },
            async (request, binded, ct) => VosResults.From(await binded.CreateAsync(request.E164, request, ct)));

        group.MapVos<BindedE164Request, BindedE164Service>("ModifyBindedE164",
            new("3.37", "Modify a bound number; absent fields keep their value.")
            {
                Mandatory = ["e164"],
                Example = """{"e164":"13800138000","displayE164":"02583001000"}""",
            },
            async (request, binded, ct) => VosResults.From(await binded.ModifyAsync(request.E164, request, ct)));

        group.MapVos<BindedE164Request, BindedE164Service>("DeleteBindedE164",
            new("3.38", "Unbind a number.")
            {
                Mandatory = ["e164"],
                Example = """{"e164":"13800138000"}""",
            },
            async (request, binded, ct) => VosResults.From(await binded.DeleteAsync(request.E164, ct)));

        group.MapVos<BindedE164Request, BindedE164Service>("GetBindedE164",
            new("3.39", "Query bound numbers by e164s, pin or account (at least one).")
            {
                Example = """{"pin":"600100200300"}""",
                Response = typeof(GetBindedE164Response),
            },
            (request, binded, _) =>
            {
                var result = binded.Query(request.E164s, request.Pin, request.Account);
                return Task.FromResult<VosResponse>(result.IsSuccess
                    ? new GetBindedE164Response
                    {
                        InfoBindedE164s = result.Value!.Select(b => InfoBindedE164.From(b, binded.AccountOf(b))).ToArray(),
                    }
                    : VosResults.Fail(result));
            });
    }
}
