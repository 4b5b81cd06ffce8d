using Softswitch.Api.Vos;

namespace Softswitch.Api.Endpoints.Operations;

/// <summary>
/// GetAlarmCurrent answer (001_… §3.88). The table types infoAlarmCurrents as one InfoAlarmCurrent but calls it a
/// list, and AlarmCurrentReport (§4.7) sends InfoAlarmCurrent []: answered as an array.
/// </summary>
public sealed record GetAlarmCurrentResponse : VosResponse
{
    public IReadOnlyList<InfoAlarmCurrent> InfoAlarmCurrents { get; init; } = [];
}
