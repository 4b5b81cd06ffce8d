using Softswitch.Api.Composition;
using Softswitch.Api.Endpoints.Shared;
using Softswitch.Api.Vos;
using Softswitch.Core.Alarms;

namespace Softswitch.Api.Endpoints.Operations;

/// <summary>Alarms: CreateAlarm (001_… §3.85) and GetAlarmCurrent (§3.88). Translation only: AlarmService decides.</summary>
public static class AlarmEndpoints
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapVos<NewAlarm, AlarmService>("CreateAlarm",
            new("3.85", "Raise an alarm from outside (level 0-3); it stays current until its stopTime.")
            {
                Mandatory = ["name"],
                Example = """{"name":"carrier-b ASR low","level":2,"value":31.5,"alarmInfo":"ASR under 35% for 15 minutes","lower":35}""",
            },
            async (alarm, alarms, ct) => VosResults.From((await alarms.CreateAsync(alarm, ct)).WithoutValue()));

        group.MapVos<EmptyRequest, AlarmService>("GetAlarmCurrent",
            new("3.88", "Alarms not yet ended, oldest first.") { Response = typeof(GetAlarmCurrentResponse) },
            async (_, alarms, ct) => new GetAlarmCurrentResponse
            {
                InfoAlarmCurrents = (await alarms.CurrentAsync(ct)).Select(InfoAlarmCurrent.From).ToArray(),
            });
    }
}
