using Softswitch.Api.Composition;
using Softswitch.Api.Endpoints.Shared;
using Softswitch.Api.Vos;
using Softswitch.Core.Numbers;

namespace Softswitch.Api.Endpoints.Numbers;

/// <summary>Number groups and their numbers (号码群组), 001_… §3.67-§3.73. Translation only: LimitE164Service decides.</summary>
public static class LimitE164Endpoints
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapVos<NameRequest, LimitE164Service>("CreateLimitE164Group",
            new("3.67", "Create a number group.")
            {
                Mandatory = ["name"],
                Example = """{"name":"vip-callers","memo":"callers allowed on the premium trunk"}""",
            },
            async (request, groups, ct) => VosResults.From(await groups.CreateGroupAsync(request.Name, request.Memo, ct)));

        group.MapVos<NameRequest, LimitE164Service>("ModifyLimitE164Group",
            new("3.68", "Change a number group's memo.")
            {
                Mandatory = ["name"],
                Example = """{"name":"vip-callers","memo":"premium callers, reviewed monthly"}""",
            },
            async (request, groups, ct) => VosResults.From(await groups.ModifyGroupAsync(request.Name, request.Memo, ct)));

        group.MapVos<NameRequest, LimitE164Service>("DeleteLimitE164Group",
            new("3.69", "Delete a number group (with its numbers) that no phone or gateway uses.")
            {
                Mandatory = ["name"],
                Example = """{"name":"vip-callers"}""",
            },
            async (request, groups, ct) => VosResults.From(await groups.DeleteGroupAsync(request.Name, ct)));

        group.MapVos<NamesRequest, LimitE164Service>("GetLimitE164Group",
            new("3.70", "Query number groups by name; without names, all of them.")
            {
                Example = """{"names":["vip-callers"]}""",
                Response = typeof(GetLimitE164GroupResponse),
            },
            (request, groups, _) => Task.FromResult<VosResponse>(
                new GetLimitE164GroupResponse { InfoLimitE164Groups = groups.QueryGroups(request.Names) }));

        group.MapVos<LimitE164Request, LimitE164Service>("CreateLimitE164",
            new("3.71", "Add numbers to a number group (all or none).")
            {
                Mandatory = ["limitE164GroupName", "infoLimitE164s"],
                Example = """{"limitE164GroupName":"vip-callers","infoLimitE164s":[{"e164":"8613800138000","memo":"CEO"},{"e164":"8613900139000"}]}""",
            },
            async (request, groups, ct) => VosResults.From(await groups.CreateNumbersAsync(request.LimitE164GroupName,
                request.InfoLimitE164s?.Select(n => (n?.E164, n?.Memo)).ToArray(), ct)));

        group.MapVos<LimitE164Request, LimitE164Service>("DeleteLimitE164",
            new("3.72", "Remove numbers from a number group (all or none).")
            {
                Mandatory = ["limitE164GroupName", "e164s"],
                Example = """{"limitE164GroupName":"vip-callers","e164s":["8613900139000"]}""",
            },
            async (request, groups, ct) =>
                VosResults.From(await groups.DeleteNumbersAsync(request.LimitE164GroupName, request.E164s, ct)));

        group.MapVos<LimitE164Request, LimitE164Service>("GetLimitE164",
            new("3.73", "List a number group's numbers, optionally only some (e164: comma list).")
            {
                Mandatory = ["limitE164GroupName"],
                Example = """{"limitE164GroupName":"vip-callers"}""",
                Response = typeof(GetLimitE164Response),
            },
            (request, groups, _) =>
            {
                var result = groups.QueryNumbers(request.LimitE164GroupName, request.E164);
                return Task.FromResult<VosResponse>(result.IsSuccess
                    ? new GetLimitE164Response
                    {
                        InfoLimitE164s = result.Value!.Select(n => new InfoLimitE164 { E164 = n.E164, Memo = n.Memo }).ToArray(),
                    }
                    : VosResults.Fail(result));
            });
    }
}
