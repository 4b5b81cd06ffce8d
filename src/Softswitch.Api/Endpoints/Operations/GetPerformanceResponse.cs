namespace Softswitch.Api.Vos;

/// <summary>GetPerformance answer (001_… §3.57).</summary>
public sealed record GetPerformanceResponse : VosResponse
{
    public required InfoPerformance InfoPerformance { get; init; }
}
