using Softswitch.Api.Composition;
using Softswitch.Api.Endpoints.Shared;
using Softswitch.Api.Vos;
using Softswitch.Sip.Simulation;

namespace Softswitch.Api.Endpoints.Simulation;

/// <summary>
/// The simulated-carrier extension beside the VOS3000 interface (docs/simulation.md): POST
/// /external/simulation/{Create,Delete,Get}SimulatedCarrier, through the same pipeline (access control, size,
/// UTF-8, strict JSON) and the same {retCode, exception} envelope. Translation only: the carrier set decides.
/// </summary>
public static class SimulationEndpoints
{
    public const string Prefix = "/external/simulation";

    public static RouteGroupBuilder MapSimulationApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup(Prefix);
        group.MapVos<SimulatedCarrierDefinition, SimulationRuntime>("CreateSimulatedCarrier",
            new("3.16", "Start a simulated carrier on a loopback port with an answer/busy/no-answer/reject mix.")
            {
                Extension = true,
                Mandatory = ["name"],
                Example = """
                    {"name":"sim-carrier","port":0,"answerPercent":60,"busyPercent":20,"noAnswerPercent":20,
                    "answerDelayMilliseconds":500,"holdMilliseconds":0,"media":"echo","seed":7}
                    """,
                Response = typeof(CreateSimulatedCarrierResponse),
            },
            (request, runtime, _) => Task.FromResult(Create(request, runtime)));

        group.MapVos<NameRequest, SimulationRuntime>("DeleteSimulatedCarrier",
            new("3.18", "Stop a simulated carrier (it unregisters from the switch first) and free its port.")
            {
                Extension = true,
                Mandatory = ["name"],
                Example = """{"name":"sim-carrier"}""",
            },
            async (request, runtime, _) =>
            {
                if (runtime.Carriers is not { } carriers)
                {
                    return NotRunning;
                }
                return await carriers.DeleteAsync(request.Name!)
                    ? VosResponse.Ok
                    : VosResponse.Fail(VosRetCode.NotFound, $"No simulated carrier named '{request.Name}'.");
            });

        group.MapVos<NamesRequest, SimulationRuntime>("GetSimulatedCarrier",
            new("3.19", "List simulated carriers by name (all without names): definition, port and counters.")
            {
                Extension = true,
                Example = """{"names":["sim-carrier"]}""",
                Response = typeof(GetSimulatedCarrierResponse),
            },
            (request, runtime, _) =>
            {
                if (runtime.Carriers is not { } carriers)
                {
                    return Task.FromResult(NotRunning);
                }
                var wanted = request.Names?.ToHashSet(StringComparer.Ordinal);
                return Task.FromResult<VosResponse>(new GetSimulatedCarrierResponse
                {
                    InfoSimulatedCarriers = carriers.All
                        .Where(c => wanted is null || wanted.Contains(c.Definition.Name))
                        .Select(InfoSimulatedCarrier.From)
                        .ToArray(),
                });
            });
        return group;
    }

    private static VosResponse NotRunning => VosResponse.Fail(VosRetCode.InternalError, "The SIP engine is not running.");

    private static VosResponse Create(SimulatedCarrierDefinition request, SimulationRuntime runtime)
    {
        if (runtime.Carriers is not { } carriers)
        {
            return NotRunning;
        }
        var (carrier, refusal) = carriers.Create(request);
        if (carrier is not null)
        {
            return new CreateSimulatedCarrierResponse { Name = carrier.Definition.Name, Port = carrier.Port };
        }
        var code = refusal!.Kind == SimulatedCarrierRefusalKind.Duplicate ? VosRetCode.Duplicate : VosRetCode.OutOfRange;
        return VosResponse.Fail(code, $"{refusal.Field}: {refusal.Reason}");
    }
}
