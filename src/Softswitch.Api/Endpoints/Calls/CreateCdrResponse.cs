using Softswitch.Api.Vos;

namespace Softswitch.Api.Endpoints.Calls;

/// <summary>
/// CreateCdr answer (001_… §3.51): the manual has only retCode; flowNo is added (clients ignore unknown fields)
/// so a caller that let the switch assign it (-1) learns the key.
/// </summary>
public sealed record CreateCdrResponse : VosResponse
{
    public long FlowNo { get; init; }
}
