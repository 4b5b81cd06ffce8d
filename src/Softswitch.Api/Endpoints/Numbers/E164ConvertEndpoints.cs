using Softswitch.Api.Composition;
using Softswitch.Api.Vos;
using Softswitch.Core.Numbers;

namespace Softswitch.Api.Endpoints.Numbers;

/// <summary>Number conversion (号码变换表), 001_… §3.45, §3.79-§3.81. Translation only: E164ConvertService decides.</summary>
public static class E164ConvertEndpoints
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapVos<AccountE164Request, E164ConvertService>("GetE164Convert",
            new("3.45", "Query number conversions by account and/or e164; neither lists all.")
            {
                Example = """{"account":"demo"}""",
                Response = typeof(GetE164ConvertResponse),
            },
            (request, converts, _) => Task.FromResult<VosResponse>(new GetE164ConvertResponse
            {
                InfoE164Converts = converts.Query(request.Account, request.E164)
                    .Select(c => InfoE164Convert.From(c, converts.AccountOf(c))).ToArray(),
            }));

        group.MapVos<E164ConvertRequest, E164ConvertService>("CreateE164Convert",
            new("3.79", "Create a number conversion for a platform phone; answers its id.")
            {
                Mandatory = ["mappingGatewayCallerE164", "e164", "routingGatewayCalleeE164", "memo"],
                Example = """{"mappingGatewayCallerE164":"02583001001","e164":"1001","routingGatewayCalleeE164":"02583001001","memo":"DID for phone 1001"}""",
                Response = typeof(CreateE164ConvertResponse),
            },
            async (request, converts, ct) =>
            {
                var result = await converts.CreateAsync(request.MappingGatewayCallerE164, request.E164,
                    request.RoutingGatewayCalleeE164, request.Memo, ct);
                return result.IsSuccess ? new CreateE164ConvertResponse { Id = result.Value } : VosResults.Fail(result);
            });

        group.MapVos<E164ConvertRequest, E164ConvertService>("ModifyE164Convert",
            new("3.80", "Modify a number conversion; absent fields keep their value.")
            {
                Mandatory = ["id"],
                Example = """{"id":1,"routingGatewayCalleeE164":"02583001002","memo":"DID moved"}""",
            },
            async (request, converts, ct) => VosResults.From(await converts.ModifyAsync(request.Id, request.MappingGatewayCallerE164,
                request.RoutingGatewayCalleeE164, request.Memo, ct)));

        group.MapVos<E164ConvertRequest, E164ConvertService>("DeleteE164Convert",
            new("3.81", "Delete a number conversion.")
            {
                Mandatory = ["id"],
                Example = """{"id":1}""",
            },
            async (request, converts, ct) => VosResults.From(await converts.DeleteAsync(request.Id, ct)));
    }
}
