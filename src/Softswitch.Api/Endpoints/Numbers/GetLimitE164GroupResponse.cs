using Softswitch.Api.Vos;
using Softswitch.Core.Numbers;

namespace Softswitch.Api.Endpoints.Numbers;

/// <summary>GetLimitE164Group answer (001_… §3.70); infoLimitE164Group is Core's record (name, memo).</summary>
public sealed record GetLimitE164GroupResponse : VosResponse
{
    public IReadOnlyList<LimitE164Group> InfoLimitE164Groups { get; init; } = [];
}
