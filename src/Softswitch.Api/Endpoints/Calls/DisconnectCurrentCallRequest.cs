namespace Softswitch.Api.Endpoints.Calls;

/// <summary>DisconnectCurrentCall body (001_… §3.82): the callIds GetCurrentCall reported.</summary>
public sealed record DisconnectCurrentCallRequest
{
    public IReadOnlyList<long>? CallIds { get; init; }
}
