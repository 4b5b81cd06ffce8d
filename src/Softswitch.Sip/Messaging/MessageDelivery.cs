using Softswitch.Core.TextMessages;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Transactions;

namespace Softswitch.Sip.Messaging;

/// <summary>
/// One MESSAGE being relayed: the sender's server transaction and the client transactions of its forks, one per
/// registered contact of the callee. The first 2xx answers the sender (a non-INVITE cannot be cancelled, so the other
/// forks run out and are ignored); when every fork has failed — by a final response, timer F (408) or a transport
/// error (503, RFC 3261 §8.1.3.1) — the sender gets the best failure. Responses of different forks arrive on
/// different threads, hence the lock.
/// </summary>
internal sealed class MessageDelivery(MessageRelay relay, ServerTransaction origin, SipRequest request, string toTag, TextMessage message)
    : IClientTransactionUser
{
    private readonly Lock _gate = new();
    private readonly List<int> _failures = [];
    private int _pending;
    private bool _finished;

    /// <summary>Called before the forks are sent: how many final outcomes to wait for.</summary>
    public void Start(int forks)
    {
        lock (_gate)
        {
            _pending = forks;
        }
    }

    /// <summary>Refused before any fork was sent (size, rights, registration).</summary>
    public void Refuse(int status) => Finish(status, null);

    public void OnResponse(ClientTransaction transaction, SipResponse response)
    {
        if (response.StatusCode < 200)
        {
            return;
        }
        if (response.StatusCode < 300)
        {
            lock (_gate)
            {
                if (_finished)
                {
                    return;
                }
                _finished = true;
            }
            Finish(response.StatusCode, response.ReasonPhrase);
            return;
        }
        Failed(response.StatusCode);
    }

    public void OnTimeout(ClientTransaction transaction) => Failed(408);

    public void OnTransportError(ClientTransaction transaction, Exception error) => Failed(503);

    private void Failed(int status)
    {
        int best;
        lock (_gate)
        {
            _failures.Add(status);
            if (_finished || --_pending > 0)
            {
                return;
            }
            _finished = true;
            best = B2bua.ForkResponses.BestFailure(_failures);
        }
        Finish(best, null);
    }

    private void Finish(int status, string? reason)
    {
        var answer = SipResponseFactory.Create(request, status, reason, toTag);
        answer.Headers.Add(HeaderKind.Server, B2bua.B2bua.UserAgent);
        _ = relay.FinishAsync(origin, answer, message with { Status = status });
    }
}
