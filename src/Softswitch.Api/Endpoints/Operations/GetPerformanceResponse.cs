using Softswitch.Api.Vos;

namespace Softswitch.Api.Endpoints.Operations;

/// <summary>GetPerformance answer (001_… §3.57).</summary>
public sealed record GetPerformanceResponse : VosResponse
{
    public required InfoPerformance InfoPerformance { get; init; }
}
