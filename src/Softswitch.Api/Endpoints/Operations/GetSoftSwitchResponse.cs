using Softswitch.Api.Vos;

namespace Softswitch.Api.Endpoints.Operations;

/// <summary>GetSoftSwitch answer (001_… §3.56): this process is the one softswitch.</summary>
public sealed record GetSoftSwitchResponse : VosResponse
{
    public IReadOnlyList<InfoSoftSwitch> InfoSoftSwitches { get; init; } = [];
}
