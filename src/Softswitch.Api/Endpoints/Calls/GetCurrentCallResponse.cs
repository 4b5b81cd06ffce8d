namespace Softswitch.Api.Vos;

/// <summary>GetCurrentCall answer (001_… §3.21).</summary>
public sealed record GetCurrentCallResponse : VosResponse
{
    public IReadOnlyList<InfoCurrentCall> InfoCurrentCalls { get; init; } = [];
}
