using Softswitch.Api.Composition;
using Softswitch.Api.Vos;
using Softswitch.Core.Numbers;

namespace Softswitch.Api.Endpoints.Numbers;

/// <summary>Mobile areas (手机地区), 001_… §3.90-§3.92. Translation only: MobileAreaService decides.</summary>
public static class MobileAreaEndpoints
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapVos<MobileAreaRequest, MobileAreaService>("CreateMobileArea",
            new("3.90", "Create mobile areas by 7-digit prefix; an existing prefix is overwritten.")
            {
                Mandatory = ["infoMobileAreas"],
                Example = """{"infoMobileAreas":[{"mobilePrefix":"1380013","areaCode":"10","areaName":"北京"},{"mobilePrefix":"1390025","areaCode":"25","areaName":"南京","memo":"Jiangsu"}]}""",
            },
            async (request, areas, ct) => VosResults.From(
                await areas.CreateAsync(request.InfoMobileAreas?.Select(a => a?.ToMobileArea()).ToArray(), ct)));

        group.MapVos<MobileAreaRequest, MobileAreaService>("DeleteMobileArea",
            new("3.91", "Delete mobile areas by prefix (all or none).")
            {
                Mandatory = ["mobilePrefixes"],
                Example = """{"mobilePrefixes":["1390025"]}""",
            },
            async (request, areas, ct) => VosResults.From(await areas.DeleteAsync(request.MobilePrefixes, ct)));

        group.MapVos<MobileAreaRequest, MobileAreaService>("GetMobileArea",
            new("3.92", "Get one mobile area by prefix, or all of them.")
            {
                Example = """{"mobilePrefix":"1380013"}""",
                Response = typeof(GetMobileAreaResponse),
            },
            (request, areas, _) => Task.FromResult<VosResponse>(new GetMobileAreaResponse
            {
                InfoMobileAreas = areas.Query(request.MobilePrefix).Select(InfoMobileArea.From).ToArray(),
            }));
    }
}
