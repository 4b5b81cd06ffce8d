using Softswitch.Core.Calls;
using Softswitch.Core.Routing;

namespace Softswitch.Core.Billing;

/// <summary>
/// Parallel calls of one account share its money (docs/billing.md "Parallel calls"). Once a second it adds up, per
/// paying account, what its live connected calls have used so far at their rates (published as
/// <see cref="BillingState.CommittedOf"/>, which admission subtracts from the spendable money) and what they will
/// have used <see cref="Lookahead"/> later; when that exceeds balance + limitMoney, every connected call of the
/// account is ended through <see cref="ICallControl"/> (BYE both legs) with <see cref="EndReason.BalanceExhausted"/>,
/// so N calls stop together before their charges pass the money. One timer on the injected clock.
/// </summary>
public sealed class PrepaidMonitor : IDisposable
{
    /// <summary>How often the live calls are summed.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    /// <summary>The time every call must still be able to pay for: one interval plus the hold time's round-up.</summary>
    public static readonly TimeSpan Lookahead = TimeSpan.FromSeconds(2);

    private readonly CallRegistry _registry;
    private readonly RatingService _rating;
    private readonly BillingState _billing;
    private readonly ICallControl _control;
    private readonly TimeProvider _time;
    private ITimer? _timer;
    private long _failures;

    public PrepaidMonitor(CallRegistry registry, RatingService rating, BillingState billing, ICallControl control, TimeProvider time)
    {
        _registry = registry;
        _rating = rating;
        _billing = billing;
        _control = control;
        _time = time;
    }

    /// <summary>Ticks that threw (each is retried at the next tick); the last error is kept for diagnostics.</summary>
    public long Failures => Interlocked.Read(ref _failures);

    public Exception? LastError { get; private set; }

    public void Start() => _timer ??= _time.CreateTimer(static state => ((PrepaidMonitor)state!).Tick(), this, Interval, Interval);

    public void Dispose() => _timer?.Dispose();

    /// <summary>One pass over the live calls; returns how many calls it asked the switch to end.</summary>
    public int Check()
    {
        var now = _time.GetUtcNow();
        var committed = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var needed = new Dictionary<string, (decimal Money, List<long> Calls)>(StringComparer.Ordinal);
        foreach (var call in _registry.Query(CallQuery.All))
        {
            if (call.State != CallState.Connected || call.ConnectTime is not { } connected
                || CallBilling.PayerOf(_rating, call.Account, call.CallerGateway is null, call.CallerE164) is not { FeeRateGroup.Length: > 0 } owner
                || _rating.FindRate(owner, NumberChecks.StripTags(call.CalleeE164)) is not { } rate)
            {
                continue;
            }
            long elapsed = Math.Max(0L, (long)(now - connected).TotalMilliseconds);
            committed[call.Account] = committed.GetValueOrDefault(call.Account) + rate.Charge(Seconds(elapsed)).Fee;
            var (money, calls) = needed.GetValueOrDefault(call.Account, (0m, new List<long>()));
            calls.Add(call.CallId);
            needed[call.Account] = (money + rate.Charge(Seconds(elapsed + (long)Lookahead.TotalMilliseconds)).Fee, calls);
        }
        _billing.SetCommitted(committed);
        int ended = 0;
        foreach (var (account, (money, calls)) in needed)
        {
            if (_rating.OwnerOfAccount(account) is { } owner && money > RatingService.Spendable(owner.Account))
            {
                ended += calls.Count(id => _control.Disconnect(id, EndReason.BalanceExhausted));
            }
        }
        return ended;
    }

    private static int Seconds(long milliseconds) => (int)Math.Min(int.MaxValue, (milliseconds + 999) / 1000);

    private void Tick()
    {
        try
        {
            Check();
        }
        catch (Exception ex)
        {
            // A timer callback must not throw (it would end the process); the next tick tries again.
            LastError = ex;
            Interlocked.Increment(ref _failures);
        }
    }
}
