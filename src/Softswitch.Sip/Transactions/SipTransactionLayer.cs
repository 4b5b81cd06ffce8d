using System.Collections.Concurrent;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Timers;
using Softswitch.Sip.Transport;

namespace Softswitch.Sip.Transactions;

/// <summary>
/// The RFC 3261 §17 transaction layer: matches incoming messages to transactions (§17.1.3, §17.2.3), creates server
/// transactions for new requests, creates client transactions for the TU's requests, and removes every transaction
/// from its table when it terminates.
/// </summary>
/// <remarks>
/// Wiring: the transport calls <see cref="HandleIncoming"/> for every parsed message (with
/// <see cref="SipMessage.Source"/> set), from any number of receive threads. The tables are concurrent dictionaries;
/// each transaction serializes its own events (see <see cref="SipTransaction"/>). All timers run on one shared
/// <see cref="TimerWheel"/>.
/// </remarks>
public sealed class SipTransactionLayer
{
    private readonly ConcurrentDictionary<TransactionKey, ClientTransaction> _clients = new();
    private readonly ConcurrentDictionary<TransactionKey, ServerTransaction> _servers = new();
    private readonly ConcurrentDictionary<LegacyTransactionKey, ServerTransaction> _legacyServers = new();
    private int _serverCount;
    private int _invitesInSetup;
    private long _refused;

    public SipTransactionLayer(
        ISipTransport transport, ISipTransactionUser user, TimerWheel wheel, SipTimerOptions? options = null, ILogger<SipTransactionLayer>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(transport);
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(wheel);
        Transport = transport;
        User = user;
        Wheel = wheel;
        Options = options ?? new SipTimerOptions();
        Logger = logger ?? NullLogger<SipTransactionLayer>.Instance;
    }

    /// <summary>Live transactions, client and server; zero once every transaction has terminated.</summary>
    public int Count => _clients.Count + _servers.Count + _legacyServers.Count;

    public int ClientCount => _clients.Count;

    public int ServerCount => Volatile.Read(ref _serverCount);

    /// <summary>INVITE server transactions not yet answered with a final response: the calls in set-up.</summary>
    public int InvitesInSetup => Volatile.Read(ref _invitesInSetup);

    /// <summary>
    /// Asked before a new request gets a server transaction (overload shedding, docs/hardening.md "Overload"); set
    /// once at wiring, before the transports start. Null admits everything.
    /// </summary>
    public IRequestAdmission? Admission { get; set; }

    /// <summary>Requests refused by <see cref="Admission"/> since start (answered statelessly, no transaction).</summary>
    public long Refused => Interlocked.Read(ref _refused);

    internal ISipTransport Transport { get; }

    internal ISipTransactionUser User { get; }

    internal TimerWheel Wheel { get; }

    internal SipTimerOptions Options { get; }

    internal ILogger Logger { get; }

    /// <summary>
    /// Sends <paramref name="request"/> in a new client transaction (§17.1). Without a Via, one is added for the
    /// destination's transport, with a fresh branch and rport (RFC 3581); a Via the TU added must carry a z9hG4bK
    /// branch (a CANCEL reuses its INVITE's, §9.1). ACK is refused: the ACK of a non-2xx is sent by the INVITE client
    /// transaction, the ACK of a 2xx by the dialog, straight to the transport (§17.1.1.3, §13.2.2.4).
    /// </summary>
    /// <param name="user">Receives responses and failures; the layer's TU when null.</param>
    public ClientTransaction SendRequest(SipRequest request, SipEndPoint destination, IClientTransactionUser? user = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(destination);
        if (request.Method == SipMethod.Ack)
        {
            throw new ArgumentException("ACK has no client transaction; send it through the transport.", nameof(request));
        }
        EnsureVia(request, destination);
        ClientTransaction transaction = request.Method == SipMethod.Invite
            ? new InviteClientTransaction(this, request, destination, user ?? User)
            : new NonInviteClientTransaction(this, request, destination, user ?? User);
        if (!_clients.TryAdd(transaction.Key, transaction))
        {
            throw new InvalidOperationException($"A client transaction {transaction.Key} already exists.");
        }
        transaction.Start();
        return transaction;
    }

    /// <summary>Entry point for the transport: one parsed message with its source set. Never throws for bad input.</summary>
    public void HandleIncoming(SipMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        try
        {
            if (message is SipResponse response)
            {
                HandleResponse(response);
            }
            else
            {
                HandleRequest((SipRequest)message);
            }
        }
        catch (SipFormatException e)
        {
            TransactionLog.DroppedMalformed(Logger, message.IsRequest ? "request" : "response", message.Source, e.Message);
        }
    }

    /// <summary>
    /// The INVITE server transaction a CANCEL (or any request) refers to: same branch and sent-by with method INVITE
    /// (§9.2, §17.2.3), or the RFC 2543 fields. Null when none: the TU answers the CANCEL 481.
    /// </summary>
    public InviteServerTransaction? FindInviteTransaction(SipRequest cancel)
    {
        ArgumentNullException.ThrowIfNull(cancel);
        return FindServer(cancel, SipMethod.Invite) as InviteServerTransaction;
    }

    internal void Remove(SipTransaction transaction)
    {
        switch (transaction)
        {
            case ClientTransaction client:
                _clients.TryRemove(KeyValuePair.Create(client.Key, client));
                break;
            case ServerTransaction { LegacyKey: { } legacy } server:
                if (_legacyServers.TryRemove(KeyValuePair.Create(legacy, server)))
                {
                    Interlocked.Decrement(ref _serverCount);
                }
                break;
            case ServerTransaction server:
                if (_servers.TryRemove(KeyValuePair.Create(server.Key, server)))
                {
                    Interlocked.Decrement(ref _serverCount);
                }
                break;
        }
    }

    private void HandleResponse(SipResponse response)
    {
        string? branch = response.TopVia.Branch;
        if (branch is not null && _clients.TryGetValue(TransactionKey.ForClient(branch, response.CSeq), out ClientTransaction? transaction))
        {
            transaction.ReceiveResponse(response);
        }
        else
        {
            User.OnStrayResponse(response); // e.g. a 2xx retransmission after the INVITE transaction ended (§13.2.2.4)
        }
    }

    private void HandleRequest(SipRequest request)
    {
        ServerTransaction? existing = FindServer(request, request.Method);
        if (existing is not null)
        {
            if (request.Method != SipMethod.Ack)
            {
                existing.ReceiveRetransmission(request);
            }
            else if (existing is InviteServerTransaction invite)
            {
                invite.ReceiveAck(request);
            }
            return;
        }
        if (request.Method == SipMethod.Ack)
        {
            User.OnAck(request, null); // the ACK for a 2xx: the dialog's business (§17.2.3, §13.3.1.4)
            return;
        }
        if (Admission?.Refuse(request, Volatile.Read(ref _serverCount), Volatile.Read(ref _invitesInSetup)) is { } refusal)
        {
            SendStateless(request, refusal);
            return;
        }
        ServerTransaction created = request.Method == SipMethod.Invite
            ? new InviteServerTransaction(this, request)
            : new NonInviteServerTransaction(this, request);
        ServerTransaction? winner = Add(created);
        if (winner is not null)
        {
            winner.ReceiveRetransmission(request); // another receive thread created it first
            return;
        }
        created.Start();
    }

    /// <summary>
    /// A refusal sent without a transaction (§8.2.6; §17.2.1 lets a stateless element answer with no retransmission):
    /// once, to the request's real source, so it never amplifies what a forged source sent. A retransmission of the
    /// request is judged again.
    /// </summary>
    private void SendStateless(SipRequest request, SipResponse refusal)
    {
        Interlocked.Increment(ref _refused);
        if (ResponseRouting.Destination(request) is not { } destination)
        {
            return;
        }
        try
        {
            ValueTask pending = Transport.SendAsync(refusal, destination);
            if (!pending.IsCompletedSuccessfully)
            {
                _ = ObserveStatelessAsync(pending, request.CallId);
            }
        }
        catch (Exception e)
        {
            TransactionLog.StatelessSendFailed(Logger, request.CallId, e);
        }
    }

    private async Task ObserveStatelessAsync(ValueTask pending, string callId)
    {
        try
        {
            await pending.ConfigureAwait(false);
        }
        catch (Exception e)
        {
            TransactionLog.StatelessSendFailed(Logger, callId, e);
        }
    }

    internal void InviteAnswered() => Interlocked.Decrement(ref _invitesInSetup);

    private ServerTransaction? FindServer(SipRequest request, SipMethod method)
    {
        if (BranchGenerator.IsRfc3261(request.TopVia.Branch))
        {
            return _servers.GetValueOrDefault(TransactionKey.ForServer(request, method));
        }
        return _legacyServers.TryGetValue(LegacyTransactionKey.For(request, method), out ServerTransaction? legacy) &&
            legacy.MatchesLegacyToTag(request)
            ? legacy
            : null;
    }

    /// <summary>Adds the transaction; returns the one already there when another thread won the race.</summary>
    private ServerTransaction? Add(ServerTransaction transaction)
    {
        while (true)
        {
            if (transaction.LegacyKey is { } legacy)
            {
                if (_legacyServers.TryAdd(legacy, transaction))
                {
                    Added(transaction);
                    return null;
                }
                if (_legacyServers.TryGetValue(legacy, out ServerTransaction? other))
                {
                    return other;
                }
            }
            else
            {
                if (_servers.TryAdd(transaction.Key, transaction))
                {
                    Added(transaction);
                    return null;
                }
                if (_servers.TryGetValue(transaction.Key, out ServerTransaction? other))
                {
                    return other;
                }
            }
        }
    }

    private void Added(ServerTransaction transaction)
    {
        Interlocked.Increment(ref _serverCount);
        if (transaction is InviteServerTransaction)
        {
            Interlocked.Increment(ref _invitesInSetup);
        }
    }

    private void EnsureVia(SipRequest request, SipEndPoint destination)
    {
        if (!request.Headers.Contains(HeaderKind.Via))
        {
            SipEndPoint local = Transport.LocalEndPoint(destination.Transport);
            string host = local.EndPoint.AddressFamily == AddressFamily.InterNetworkV6
                ? "[" + local.EndPoint.Address + "]"
                : local.EndPoint.Address.ToString();
            string transport = destination.Transport.ToString().ToUpperInvariant();
            request.Headers.Insert(0, HeaderKind.Via,
                $"SIP/2.0/{transport} {host}:{local.EndPoint.Port};branch={BranchGenerator.NewBranch()};rport");
            request.InvalidateParsedHeaders();
            return;
        }
        if (!BranchGenerator.IsRfc3261(request.TopVia.Branch))
        {
            throw new ArgumentException("The top Via of a request sent by this switch needs a z9hG4bK branch (§8.1.1.7).", nameof(request));
        }
    }
}
