namespace Softswitch.Sip.Transactions;

/// <summary>Transaction states of RFC 3261 §17 figures 5-8, plus Accepted from RFC 6026 §7.1/§7.2.</summary>
public enum TransactionState : byte
{
    /// <summary>INVITE client: request sent, nothing heard (§17.1.1.2).</summary>
    Calling,

    /// <summary>Non-INVITE client and server: request sent / received, nothing else yet (§17.1.2.2, §17.2.2).</summary>
    Trying,

    Proceeding,
    Completed,

    /// <summary>INVITE server: ACK received for a non-2xx final (§17.2.1).</summary>
    Confirmed,

    /// <summary>INVITE client and server after a 2xx: absorbs retransmissions for 64*T1 (RFC 6026 §7.1, §7.2).</summary>
    Accepted,

    Terminated,
}

/// <summary>What happens to a transaction; each kind handles these in one method, a switch on (event, state).</summary>
public enum TransactionEvent : byte
{
    /// <summary>A provisional (1xx) response, received (client) or sent by the TU (server).</summary>
    Provisional,

    /// <summary>A 2xx response.</summary>
    Success,

    /// <summary>A 300-699 response.</summary>
    Failure,

    /// <summary>A retransmission of the request that created a server transaction.</summary>
    RequestRetransmission,

    /// <summary>An ACK matched to an INVITE server transaction.</summary>
    Ack,

    /// <summary>Timer A, E or G.</summary>
    RetransmitTimer,

    /// <summary>Timer B, F or H.</summary>
    TimeoutTimer,

    /// <summary>Timer D, I, J, K, L or M: end of the wait in Completed, Confirmed or Accepted.</summary>
    WaitTimer,

    /// <summary>The INVITE server's 200 ms 100 Trying timer.</summary>
    TryingTimer,

    TransportError,
}

/// <summary>How a transaction ended; reported to the TU by the layer (timeout = the TU acts as if a 408 arrived, §8.1.3.1).</summary>
public enum TransactionEndReason : byte
{
    Completed,
    Timeout,
    TransportError,

    /// <summary>The TU dropped the request without any answer (<see cref="ServerTransaction.Abandon"/>).</summary>
    Abandoned,
}
