using Softswitch.Sip.Messages;

namespace Softswitch.Sip.Transactions;

/// <summary>
/// A server transaction (RFC 3261 §17.2): created by a request from the network, answered by the TU through
/// <see cref="SendResponse"/>, absorbing retransmissions of the request by re-sending the last response.
/// </summary>
public abstract class ServerTransaction : SipTransaction
{
    private protected ServerTransaction(SipTransactionLayer layer, SipRequest request, TransactionState initial)
        : base(layer, request, IsReliableSource(request), initial)
    {
        ResponseDestination = ResponseRouting.Destination(request);
        if (BranchGenerator.IsRfc3261(request.TopVia.Branch))
        {
            Key = TransactionKey.ForServer(request);
        }
        else
        {
            LegacyKey = LegacyTransactionKey.For(request);
        }
    }

    /// <summary>§17.2.3 key; default when the request came from an RFC 2543 client (see <see cref="LegacyKey"/>).</summary>
    public TransactionKey Key { get; }

    /// <summary>The RFC 2543 matching key, set only when the top Via branch lacks the z9hG4bK cookie.</summary>
    public LegacyTransactionKey? LegacyKey { get; }

    /// <summary>Where responses go (§18.2.2, RFC 3581), or null when no route could be found: sending then fails.</summary>
    public SipEndPoint? ResponseDestination { get; }

    /// <summary>The last response sent, re-sent when the request is retransmitted.</summary>
    public SipResponse? LastResponse { get; private set; }

    /// <summary>
    /// Sends a response from the TU. Returns false, sending nothing, when the state no longer allows it (a second
    /// final response, or the transaction ended); a 2xx to an INVITE may be re-sent while Accepted (RFC 6026 §7.1).
    /// </summary>
    public bool SendResponse(SipResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentOutOfRangeException.ThrowIfLessThan(response.StatusCode, 100);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(response.StatusCode, 699);
        lock (Gate)
        {
            if (State == TransactionState.Terminated)
            {
                return false;
            }
            Dispatch(ClientTransaction.ResponseEvent(response.StatusCode), response);
            return ReferenceEquals(LastResponse, response);
        }
    }

    /// <summary>
    /// Ends the transaction without sending anything: the TU drops the request (a source past its rate limit, where any
    /// answer would go to a forgeable address). A retransmission of the request then starts a new transaction.
    /// </summary>
    public void Abandon()
    {
        lock (Gate)
        {
            Terminate(TransactionEndReason.Abandoned);
        }
    }

    /// <summary>
    /// Arms the kind's first timers and hands the request to the TU, under the transaction's lock so the TU's first
    /// answer (possibly sent from inside <see cref="ISipTransactionUser.OnRequest"/>) is ordered after it.
    /// </summary>
    internal void Start()
    {
        lock (Gate)
        {
            OnStart();
            Layer.User.OnRequest(this, Request);
            FlushSendErrors();
        }
    }

    private protected virtual void OnStart()
    {
    }

    internal void ReceiveRetransmission(SipRequest request)
    {
        lock (Gate)
        {
            Dispatch(TransactionEvent.RequestRetransmission, request);
        }
    }

    internal void ReceiveAck(SipRequest ack)
    {
        lock (Gate)
        {
            Dispatch(TransactionEvent.Ack, ack);
        }
    }

    /// <summary>§17.2.3 for RFC 2543 peers: the To tag is the request's, or for an ACK the one of our response.</summary>
    internal bool MatchesLegacyToTag(SipRequest request)
    {
        string? tag = request.To.Tag;
        lock (Gate)
        {
            return tag == Request.To.Tag || (LastResponse is { } last && tag == last.To.Tag);
        }
    }

    private protected void SendToPeer(SipResponse response)
    {
        LastResponse = response;
        if (ResponseDestination is null)
        {
            TransactionLog.NoResponseRoute(Layer.Logger, Request.MethodName, Request.Source, CallId);
            FailSend(new InvalidOperationException("No route for responses: Via sent-by is a host name and the source is unknown."));
            return;
        }
        Send(response, ResponseDestination);
    }

    /// <summary>
    /// Lets go of what absorbing retransmissions for the next 32 s (timer J) does not need: the request becomes a copy
    /// holding only its start line and the headers a response and the matching of a retransmission read (Via, From,
    /// To, Call-ID, CSeq; their values are the strings already read, so nothing is copied), and the received datagram,
    /// its other headers and its body are freed (issue 12 item 10; docs/performance.md "Overload").
    /// </summary>
    private protected void Trim()
    {
        SipRequest full = Request;
        var headers = new SipHeaders();
        for (int i = full.Headers.IndexOf(HeaderKind.Via); i >= 0; i = full.Headers.IndexOf(HeaderKind.Via, i + 1))
        {
            headers.Add(HeaderKind.Via, full.Headers.ValueAt(i));
        }
        foreach (HeaderKind kind in (ReadOnlySpan<HeaderKind>)[HeaderKind.From, HeaderKind.To, HeaderKind.CallId, HeaderKind.CSeq])
        {
            if (full.Headers.Get(kind) is { } value)
            {
                headers.Add(kind, value);
            }
        }
        ReadOnlySpan<byte> rawUri = full.RawRequestUri;
        // A Request-URI nobody read stays bytes (a copy of its few bytes: a slice would keep the datagram alive).
        Request = rawUri.IsEmpty
            ? new SipRequest(full.Method, full.MethodName, full.RequestUri, headers, ReadOnlyMemory<byte>.Empty) { Source = full.Source }
            : new SipRequest(full.Method, full.MethodName, rawUri.ToArray(), headers, ReadOnlyMemory<byte>.Empty) { Source = full.Source };
    }

    private protected void ResendLastResponse()
    {
        if (LastResponse is { } last && ResponseDestination is not null)
        {
            Send(last, ResponseDestination);
        }
    }

    private protected void ReportTimeout()
    {
        TransactionLog.NoAck(Layer.Logger, GetType().Name, State, CallId);
        Layer.User.OnTimeout(this);
        Terminate(TransactionEndReason.Timeout);
    }

    private protected void ReportTransportError()
    {
        TransactionLog.TransportError(Layer.Logger, LastError!, GetType().Name, State, CallId);
        Layer.User.OnTransportError(this, LastError!);
        Terminate(TransactionEndReason.TransportError);
    }

    private protected override void ReportTerminated(TransactionEndReason reason) => Layer.User.OnTerminated(this, reason);

    private static bool IsReliableSource(SipRequest request)
    {
        SipTransportKind transport = request.Source?.Transport ?? ResponseRouting.ParseTransport(request.TopVia.Transport);
        return transport != SipTransportKind.Udp;
    }
}
