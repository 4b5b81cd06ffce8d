using Softswitch.Api.Vos;

namespace Softswitch.Api.Endpoints.Billing;

/// <summary>GetCurrentSuite answer (001_… §3.30).</summary>
public sealed record GetCurrentSuiteResponse : VosResponse
{
    public IReadOnlyList<InfoCurrentSuite> InfoCurrentSuites { get; init; } = [];
}
