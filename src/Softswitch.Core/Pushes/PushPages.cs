namespace Softswitch.Core.Pushes;

/// <summary>
/// The 接口页面 (page names) of the switch's outgoing requests (001_… §4): each push is POSTed as JSON to
/// OUT_POST_URL followed by the page name and the configured page suffix (§4: "可配置对外请求提交的地址以及接口页面的后缀名称").
/// </summary>
public static class PushPages
{
    /// <summary>§4.2 IVR key press, one menu.</summary>
    public const string PushDtmfInfo = "PushDtmfInfo";

    /// <summary>§4.3 IVR key presses, several menus.</summary>
    public const string PushDtmfInfos = "PushDtmfInfos";

    /// <summary>§4.4 a phone came online or went offline.</summary>
    public const string PhoneOnline = "PhoneOnline";

    /// <summary>§4.5 a call changed state.</summary>
    public const string CallStateReport = "CallStateReport";

    /// <summary>§4.6 an account balance changed by a top-up or a non-CDR charge.</summary>
    public const string CustomerMoneyChange = "CustomerMoneyChange";

    /// <summary>§4.7 the current alarm list.</summary>
    public const string AlarmCurrentReport = "AlarmCurrentReport";
}
