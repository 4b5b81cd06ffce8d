namespace Softswitch.Sip.Overload;

/// <summary>Why a new request was answered 503 by <see cref="OverloadGuard"/> instead of being taken on.</summary>
public enum ShedReason
{
    /// <summary>The transaction table is at sip.overload.maxServerTransactions.</summary>
    TransactionTable,

    /// <summary>Work waits longer than sip.overload.maxQueueDelayMilliseconds: the adaptive rule.</summary>
    QueueDelay,

    /// <summary>sip.overload.maxCallsPerSecond is spent for this second.</summary>
    CallRate,

    /// <summary>sip.overload.maxCallsInSetup calls are in set-up.</summary>
    CallsInSetup,
}
