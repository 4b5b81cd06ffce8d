using Softswitch.Core.Accounts;
using Softswitch.Core.Gateways;
using Softswitch.Core.Management;
using Softswitch.Core.Numbers;

namespace Softswitch.Core.Billing;

/// <summary>
/// The rating API for the call engine and the available-time interfaces (001_… §3.62-§3.63): who pays for a
/// billing number, which rate applies to a callee (longest feePrefix match in the payer's group), what a call costs
/// and how long the balance lasts. Reads memory only, lock-free; safe on the SIP hot path.
/// </summary>
public sealed class RatingService
{
    /// <summary>Longest horizon searched when two rates are combined (a year): keeps the search bounded.</summary>
    private const int SearchLimitSeconds = 366 * 86_400;

    private readonly DirectoryState _directory;
    private readonly BillingState _billing;
    private readonly NumberState _numbers;
    private readonly GatewayState _gateways;

    public RatingService(DirectoryState directory, BillingState billing, NumberState numbers, GatewayState gateways)
    {
        _directory = directory;
        _billing = billing;
        _numbers = numbers;
        _gateways = gateways;
    }

    /// <summary>The whole rate table of a group (empty when unknown), for lookups by exact feePrefix.</summary>
    public FeeRateTable RatesOf(string feeRateGroup) => _billing.RatesOf(feeRateGroup);

    /// <summary>The rate of <paramref name="feeRateGroup"/> for <paramref name="callee"/> (longest prefix), or null.</summary>
    public FeeRate? FindRate(string feeRateGroup, ReadOnlySpan<char> callee) => _billing.RatesOf(feeRateGroup).Find(callee);

    /// <summary>The rate that applies to a call from <paramref name="owner"/> to <paramref name="callee"/>, or null.</summary>
    public FeeRate? FindRate(BillingOwner owner, ReadOnlySpan<char> callee) =>
        owner.FeeRateGroup.Length == 0 ? null : FindRate(owner.FeeRateGroup, callee);

    /// <summary>The payer of calls from a platform phone (billingMode 0, §3.47), or null when unknown.</summary>
    public BillingOwner? OwnerOfPhone(string e164) =>
        _directory.FindPhone(e164) is { } phone && _directory.FindCustomer(phone.Account) is { } account
            ? new BillingOwner(account, phone.FeerateGroup.Length > 0 ? phone.FeerateGroup : account.FeeRateGroup, phone.E164)
            : null;

    /// <summary>The payer of calls arriving on a mapping gateway (billingMode 1).</summary>
    public BillingOwner? OwnerOfMappingGateway(string name) =>
        _gateways.FindMapping(name) is { } gateway ? OwnerOfAccount(gateway.Account) : null;

    /// <summary>The payer of an active phone card (billingMode 3).</summary>
    public BillingOwner? OwnerOfCard(string pin) =>
        _billing.FindActivePhoneCard(pin) is { } card ? OwnerOfAccount(card.Account) : null;

    /// <summary>The payer of a bound number: the account of the card it is bound to (billingMode 2, §3.36).</summary>
    public BillingOwner? OwnerOfBindedE164(string e164) =>
        _numbers.FindBindedE164(e164) is { } binded ? OwnerOfCard(binded.Pin) : null;

    /// <summary>Money the account's live calls have used and not yet been charged (<see cref="BillingState.CommittedOf"/>).</summary>
    public decimal Committed(string account) => _billing.CommittedOf(account);

    /// <summary>Whether <paramref name="e164"/> reaches a phone of the switch (an on-net callee, §3.62 calleeEndpointType 0).</summary>
    public bool IsPlatformNumber(string e164) => _directory.FindByNumber(e164) is not null;

    /// <summary>The routing gateway named in a CDR's calleeGateway, for its clearingAccount (§3.17), or null.</summary>
    public RoutingGateway? FindRoutingGateway(string name) => name.Length == 0 ? null : _gateways.FindRouting(name);

    /// <summary>The phone of the switch a number reaches (its e164 or one of its DIDs), or null.</summary>
    public Phones.Phone? FindPlatformPhone(string number) =>
        _directory.FindByNumber(number) is { } credentials ? _directory.FindPhone(credentials.E164) : null;

    public BillingOwner? OwnerOfAccount(string account) =>
        _directory.FindCustomer(account) is { } customer ? new BillingOwner(customer, customer.FeeRateGroup) : null;

    /// <summary>
    /// What the account can spend: balance plus overdraft (limitMoney, §3.1). Money is kept in the account as a
    /// double; it is read back as an exact decimal (<see cref="Money.From"/>).
    /// </summary>
    public static decimal Spendable(Customer account) => Money.From(account.Money) + Money.From(account.LimitMoney);

    /// <summary>
    /// Seconds <paramref name="money"/> pays for on <paramref name="rate"/>, optionally with a second rate charged
    /// at the same time (IVR "叠加计费", §3.63): the longest duration whose combined charge fits.
    /// </summary>
    public static int AffordableSeconds(decimal money, FeeRate rate, FeeRate? stacked = null)
    {
        if (stacked is null)
        {
            return rate.AffordableSeconds(money);
        }
        if (money < 0 || rate.Charge(1).Fee + stacked.Charge(1).Fee > money)
        {
            return 0;
        }
        if (rate.Charge(SearchLimitSeconds).Fee + stacked.Charge(SearchLimitSeconds).Fee <= money)
        {
            return SearchLimitSeconds;
        }
        // Charges only grow with time, so the largest affordable duration is found by bisection.
        int low = 1, high = SearchLimitSeconds;
        while (low < high)
        {
            int mid = low + ((high - low + 1) / 2);
            if (rate.Charge(mid).Fee + stacked.Charge(mid).Fee <= money)
            {
                low = mid;
            }
            else
            {
                high = mid - 1;
            }
        }
        return low;
    }
}
