using Softswitch.Api.Vos;

namespace Softswitch.Api.Endpoints.Billing;

/// <summary>GetSuite answer (001_… §3.25).</summary>
public sealed record GetSuiteResponse : VosResponse
{
    public IReadOnlyList<InfoSuite> InfoSuites { get; init; } = [];
}
