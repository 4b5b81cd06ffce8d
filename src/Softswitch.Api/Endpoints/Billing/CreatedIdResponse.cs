using Softswitch.Api.Vos;

namespace Softswitch.Api.Endpoints.Billing;

/// <summary>CreateSuite (001_… §3.23) and CreateSuiteOrder (§3.26) answer: the new object's id.</summary>
public sealed record CreatedIdResponse : VosResponse
{
    public long? Id { get; init; }
}
