using System.Globalization;

namespace Softswitch.Core.Pushes;

/// <summary>
/// One outgoing request of 001_… §4 before it is stored: the page it goes to, its body (one of the *Push records,
/// serialized with the manual's field names) and its lane. Pushes of one lane are delivered one at a time in
/// publishing order (a call's CallStateReports never overtake each other, §4.5); different lanes may go in parallel.
/// Build them with the factories, which choose the lane.
/// </summary>
public sealed record PushMessage
{
    private PushMessage(string page, string lane, object body)
    {
        Page = page;
        Lane = lane;
        Body = body;
    }

    /// <summary>The 接口页面, one of <see cref="PushPages"/>.</summary>
    public string Page { get; }

    /// <summary>Ordering key: "call:&lt;callId&gt;", "phone:&lt;e164&gt;", "customer:&lt;account&gt;", "alarm", "dtmf:&lt;flowNo&gt;".</summary>
    public string Lane { get; }

    /// <summary>The request body record.</summary>
    public object Body { get; }

    /// <summary>§4.4: ordered per phone, so an offline never overtakes the online before it.</summary>
    public static PushMessage PhoneOnline(PhoneOnlinePush body) =>
        new(PushPages.PhoneOnline, "phone:" + body.E164, body);

    /// <summary>§4.5: ordered per call.</summary>
    public static PushMessage CallStateReport(CallStateReportPush body) =>
        new(PushPages.CallStateReport, "call:" + body.CallId.ToString(CultureInfo.InvariantCulture), body);

    /// <summary>§4.6: ordered per account, so the last balance pushed is the current one.</summary>
    public static PushMessage CustomerMoneyChange(string account, double money) =>
        new(PushPages.CustomerMoneyChange, "customer:" + account, new CustomerMoneyChangePush(account, money));

    /// <summary>§4.7: one lane for all alarm reports, so the last list pushed is the current one.</summary>
    public static PushMessage AlarmCurrentReport(IReadOnlyList<PushAlarmCurrent> alarms) =>
        new(PushPages.AlarmCurrentReport, "alarm", new AlarmCurrentReportPush(alarms));

    /// <summary>§4.2, as a notification (see docs/configuration.md "push": the reply's audioNames are not read).</summary>
    public static PushMessage DtmfInfo(PushDtmfInfoPush body) =>
        new(PushPages.PushDtmfInfo, "dtmf:" + body.FlowNo.ToString(CultureInfo.InvariantCulture), body);

    /// <summary>§4.3, as a notification, like <see cref="DtmfInfo"/>.</summary>
    public static PushMessage DtmfInfos(PushDtmfInfosPush body) =>
        new(PushPages.PushDtmfInfos, "dtmf:" + body.FlowNo.ToString(CultureInfo.InvariantCulture), body);
}
