using Softswitch.Api.Vos;

namespace Softswitch.Api.Endpoints.Numbers;

/// <summary>CreateE164Convert answer (001_… §3.79): the new row's id.</summary>
public sealed record CreateE164ConvertResponse : VosResponse
{
    public long Id { get; init; }
}
