using Softswitch.Core.Billing;

namespace Softswitch.Core.Routing;

public sealed partial class CallRouter
{
    private PrepaidControl? _prepaid;

    /// <summary>
    /// Billing's admission (docs/billing.md "Prepaid control"): a payer that cannot pay for the call is refused with
    /// billing's end reason; otherwise the caller side's cap becomes the tighter of its own and the time the payer's
    /// money lasts at the callee's rate. A call nobody pays for is left as it is.
    /// </summary>
    private (CallerSide? Side, RouteDecision? Refusal) Afford(CallerSide side, CallFacts facts)
    {
        if (side.Payer is not { } payer)
        {
            return (side, null);
        }
        _prepaid ??= new PrepaidControl(_rating);
        var afford = _prepaid.Afford(payer, NumberChecks.StripTags(side.Callee), onNet: null, facts.Time);
        if (afford.Refusal is { } reason)
        {
            return (null, RouteDecision.Refuse(reason, afford.Detail));
        }
        return (afford.Cap is { } cap ? side with { MaxDuration = Tighter(side.MaxDuration, cap) } : side, null);
    }
}
