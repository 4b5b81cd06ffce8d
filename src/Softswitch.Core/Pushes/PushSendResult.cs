namespace Softswitch.Core.Pushes;

/// <summary>What one delivery attempt came to.</summary>
public enum PushSendResult
{
    /// <summary>The receiver took it (HTTP 2xx); whatever its retCode, it is not sent again.</summary>
    Delivered,

    /// <summary>The receiver could not take it now (unreachable, timeout, 408, 429, 5xx): back off and resend.</summary>
    Retry,

    /// <summary>The receiver refused it for good (other 4xx): resending would not help, so it is dropped.</summary>
    Rejected,
}
