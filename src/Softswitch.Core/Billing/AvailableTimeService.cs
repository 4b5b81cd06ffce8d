using Softswitch.Core.Gateways;
using Softswitch.Core.Management;
using Softswitch.Core.Routing;

namespace Softswitch.Core.Billing;

/// <summary>
/// GetAvailableTime (001_… §3.62) and GetIvrSecondAvailableTime (§3.63): how long the payer's spendable money
/// (balance + overdraft) lasts at the rate of the longest matching feePrefix for the callee, answered by the same
/// <see cref="PrepaidControl"/> the router admits calls with. Refusals are negated end reasons (locked account -20,
/// expired -90, no rate -91, no money -25; docs/billing.md "Prepaid control"). An unknown billing name is a request
/// error (NotFound), not a timeRemain.
/// </summary>
public sealed class AvailableTimeService
{
    private readonly RatingService _rating;
    private readonly GatewayState _gateways;
    private readonly TimeProvider _time;
    private readonly PrepaidControl _prepaid;

    public AvailableTimeService(RatingService rating, GatewayState gateways, TimeProvider time)
    {
        _rating = rating;
        _gateways = gateways;
        _time = time;
        _prepaid = new PrepaidControl(rating);
    }

    /// <summary>GetAvailableTime (§3.62). billingMode: 0 phone, 1 mapping gateway, 2 bound number, 3 card, 4 card then gateway.</summary>
    public ServiceResult<AvailableTime> Query(string? billingName, int? billingMode, string? calleeE164,
        int? calleeEndpointType, string? routingGateway, string? calleeToGatewayE164)
    {
        var invalid = FieldRules.Required(billingName, "billingName")
            ?? (billingMode is null ? FeeRateRules.Missing("billingMode") : null)
            ?? FieldRules.Number(calleeE164, "calleeE164")
            ?? FieldRules.OneOf(billingMode, "billingMode", 0, 1, 2, 3, 4)
            ?? FieldRules.OneOf(calleeEndpointType, "calleeEndpointType", 0, 1)
            ?? FieldRules.Length(routingGateway, "routingGateway")
            ?? FieldRules.Length(calleeToGatewayE164, "calleeToGatewayE164");
        if (invalid is not null)
        {
            return invalid.As<AvailableTime>();
        }
        var owner = billingMode switch
        {
            0 => _rating.OwnerOfPhone(billingName!),
            1 => _rating.OwnerOfMappingGateway(billingName!),
            2 => _rating.OwnerOfBindedE164(billingName!),
            3 => _rating.OwnerOfCard(billingName!),
            _ => _rating.OwnerOfCard(billingName!) ?? _rating.OwnerOfMappingGateway(billingName!),
        };
        if (owner is null)
        {
            return ServiceResult.Fail(ServiceError.NotFound, "billingName", $"No payer found for '{billingName}'.").As<AvailableTime>();
        }
        int? gatewayRemain = null;
        if (!string.IsNullOrEmpty(routingGateway))
        {
            if (_gateways.FindRouting(routingGateway) is not { } gateway)
            {
                return ServiceResult.Fail(ServiceError.NotFound, "routingGateway", $"Routing gateway '{routingGateway}' not found.")
                    .As<AvailableTime>();
            }
            // A gateway without a clearing account does not check a balance: nothing limits it (§3.62).
            gatewayRemain = _rating.OwnerOfAccount(gateway.ClearingAccount) is { } clearing
                ? Remain(clearing, calleeToGatewayE164 is { Length: > 0 } ? calleeToGatewayE164 : calleeE164!, null, onNet: false)
                : FeeRate.Unlimited;
        }
        var account = owner.Account;
        return ServiceResult<AvailableTime>.Success(new AvailableTime(account.Account, account.Name,
            Money.From(account.Money), Remain(owner, calleeE164!, null, onNet: calleeEndpointType is { } type ? type == 0 : null), gatewayRemain));
    }

    /// <summary>
    /// GetIvrSecondAvailableTime (§3.63): the second leg's time after the first leg's cost so far (firstE164's rate
    /// from firstConnectTime to firstStopTime) is taken off; mergeBillingType 1/2 charges mergeE164's rate as well
    /// for the same seconds. billingType: 0 access number's phone, 1 card, 2 bound number then card then phone, 3 phone.
    /// </summary>
    public ServiceResult<AvailableTime> QueryIvrSecond(IvrSecondQuery q)
    {
        var invalid = FieldRules.Required(q.BillingNumber, "billingNumber")
            ?? (q.BillingType is null ? FeeRateRules.Missing("billingType") : null)
            ?? FieldRules.Number(q.CalleeE164, "calleeE164")
            ?? FieldRules.Number(q.FirstE164, "firstE164")
            ?? FieldRules.OneOf(q.BillingType, "billingType", 0, 1, 2, 3)
            ?? FieldRules.OneOf(q.MergeBillingType, "mergeBillingType", 0, 1, 2)
            ?? (q.MergeBillingType is 1 or 2 && string.IsNullOrEmpty(q.MergeE164) ? FeeRateRules.Missing("mergeE164") : null)
            ?? FieldRules.Range(q.FirstConnectTime, "firstConnectTime", 0, long.MaxValue)
            ?? FieldRules.Range(q.FirstStopTime, "firstStopTime", q.FirstConnectTime ?? 0, long.MaxValue);
        if (invalid is not null)
        {
            return invalid.As<AvailableTime>();
        }
        string payer = q.BillingType == 0 && !string.IsNullOrEmpty(q.AccessE164) ? q.AccessE164 : q.BillingNumber!;
        var owner = q.BillingType switch
        {
            1 => _rating.OwnerOfCard(payer),
            2 => _rating.OwnerOfBindedE164(payer) ?? _rating.OwnerOfCard(payer) ?? _rating.OwnerOfPhone(payer),
            _ => _rating.OwnerOfPhone(payer),
        };
        if (owner is null)
        {
            return ServiceResult.Fail(ServiceError.NotFound, "billingNumber", $"No payer found for '{payer}'.").As<AvailableTime>();
        }
        decimal firstCost = 0m;
        if (q.FirstConnectTime is > 0 && _rating.FindRate(owner, q.FirstE164) is { } firstRate)
        {
            long stop = q.FirstStopTime ?? _time.GetUtcNow().ToUnixTimeMilliseconds();
            int seconds = (int)Math.Min(int.MaxValue, (Math.Max(0, stop - q.FirstConnectTime.Value) + 999) / 1000);
            firstCost = firstRate.Charge(seconds).Fee;
        }
        FeeRate? stacked = q.MergeBillingType is 1 or 2 ? _rating.FindRate(owner, q.MergeE164) : null;
        int remain = Remain(owner, q.CalleeE164!, stacked, firstCost);
        var account = owner.Account;
        return ServiceResult<AvailableTime>.Success(new AvailableTime(account.Account, account.Name, Money.From(account.Money), remain));
    }

    /// <summary>timeRemain from the router's own admission rule (<see cref="PrepaidControl.Afford"/>).</summary>
    private int Remain(BillingOwner owner, string callee, FeeRate? stacked, decimal alreadySpent = 0m, bool? onNet = null) =>
        _prepaid.Afford(owner, NumberChecks.StripTags(callee), onNet, _time.GetUtcNow(), alreadySpent, stacked).TimeRemain;
}
