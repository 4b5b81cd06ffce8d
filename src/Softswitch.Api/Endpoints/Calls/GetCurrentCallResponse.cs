using Softswitch.Api.Vos;

namespace Softswitch.Api.Endpoints.Calls;

/// <summary>GetCurrentCall answer (001_… §3.21).</summary>
public sealed record GetCurrentCallResponse : VosResponse
{
    public IReadOnlyList<InfoCurrentCall> InfoCurrentCalls { get; init; } = [];
}
