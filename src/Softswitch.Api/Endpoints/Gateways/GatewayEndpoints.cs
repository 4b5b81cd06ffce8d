using Softswitch.Api.Composition;
using Softswitch.Api.Endpoints.Shared;
using Softswitch.Api.Vos;
using Softswitch.Core.Gateways;

namespace Softswitch.Api.Endpoints.Gateways;

/// <summary>
/// The interfaces of one gateway kind, mapped once for both (001_… §3.11-§3.15 mapping, §3.16-§3.20 routing):
/// Create{Kind}/Modify{Kind} bind the name and the kind's change record, Get{Kind} and Delete{Kind} take names, and
/// Get{Kind}Online lists what <see cref="GatewayOnlineList"/> reports. Translation only: the kind's
/// <see cref="GatewayService{TGateway, TChanges}"/> decides; each kind shapes its own answers.
/// </summary>
public static class GatewayEndpoints
{
    public static void Map<TRequest, TService, TGateway, TChanges>(RouteGroupBuilder group, string kind, GatewayInterfaceDocs docs,
        Func<IReadOnlyList<TGateway>, TService, VosResponse> answer,
        Func<GatewayOnlineList, GatewayOnlineRequest, DateTimeOffset, VosResponse> online)
        where TRequest : TChanges, IGatewayRequest, new()
        where TService : GatewayService<TGateway, TChanges>
        where TGateway : Gateway
        where TChanges : GatewayChanges
    {
        string[] name = ["name"];
        group.MapVos<TRequest, TService>("Create" + kind, docs.Create with { Mandatory = name },
            async (request, gateways, ct) => VosResults.From(await gateways.CreateAsync(request.Name, request, ct)));

        group.MapVos<TRequest, TService>("Modify" + kind, docs.Modify with { Mandatory = name },
            async (request, gateways, ct) => VosResults.From(await gateways.ModifyAsync(request.Name, request, ct)));

        group.MapVos<NamesRequest, TService>("Get" + kind, docs.Get,
            (request, gateways, _) => Task.FromResult(answer(gateways.Query(request.Names), gateways)));

        group.MapVos<NameRequest, TService>("Delete" + kind, docs.Delete with { Mandatory = name },
            async (request, gateways, ct) => VosResults.From(await gateways.DeleteAsync(request.Name, ct)));

        group.MapVos<GatewayOnlineRequest>("Get" + kind + "Online", docs.Online,
            (request, context, _) => Task.FromResult(online(
                context.RequestServices.GetRequiredService<GatewayOnlineList>(),
                request,
                context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow())));
    }
}
