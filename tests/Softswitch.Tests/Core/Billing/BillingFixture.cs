using Dapper;
using Softswitch.Core.Billing;
using Softswitch.Core.Cdrs;
using Softswitch.Core.Gateways;
using Softswitch.Core.Numbers;
using Softswitch.Core.Store;

namespace Softswitch.Tests.Core.Billing;

/// <summary>The billing services over a temp database and a fake clock, wired as the composition root wires them.</summary>
internal sealed class BillingFixture : IDisposable
{
    private readonly TempDatabase _db = new();

    public BillingFixture()
    {
        Services = new ServiceFixture(_db);
        var store = _db.OpenStore();
        Store = store;
        Billing = new BillingState(new SqliteBillingStore(store));
        Gateways = new GatewayState(new SqliteGatewayStore(store));
        Rating = new RatingService(Services.State, Billing, new NumberState(new SqliteNumberStore(store)), Gateways);
        Rates = new FeeRateService(Services.State, Billing);
        Payments = new PaymentService(Services.Customers, Services.State, Billing, Rating, Services.Time);
        CallBilling = new CallBilling(Rating, Services.State);
        Cdrs = new SqliteCdrStore(store);
    }

    public ServiceFixture Services { get; }
    public SqliteSoftswitchStore Store { get; }
    public BillingState Billing { get; }
    public GatewayState Gateways { get; }
    public RatingService Rating { get; }
    public FeeRateService Rates { get; }
    public PaymentService Payments { get; }
    public CallBilling CallBilling { get; }
    public SqliteCdrStore Cdrs { get; }

    /// <summary>An account (money, overdraft, group) with a rate table given as ImportFeeRates CSV lines.</summary>
    public async Task AccountAsync(string account, decimal money, decimal limitMoney = 0m, string group = "std", params string[] csv)
    {
        if (csv.Length > 0)
        {
            await GroupAsync(group, csv);
        }
        await CustomerAsync(account, money, group, limitMoney: limitMoney);
    }

    /// <summary>A fee-rate group with its rates given as ImportFeeRates CSV lines.</summary>
    public async Task GroupAsync(string group, params string[] csv)
    {
        Assert.That((await Rates.CreateGroupAsync(group, null, "")).IsSuccess, Is.True);
        Assert.That((await Rates.ImportAsync(group, string.Join('\n', csv), replace: false)).IsSuccess, Is.True);
    }

    /// <summary>An account in an existing group (or none), optionally under an agent (§3.1 agentAccount).</summary>
    public async Task CustomerAsync(string account, decimal money, string group, string agent = "", decimal limitMoney = 0m) =>
        Assert.That((await Services.Customers.CreateAsync(account, new()
        {
            Name = account.ToUpperInvariant(), Money = (double)money, LimitMoney = (double)limitMoney, FeeRateGroup = group,
            AgentAccount = agent,
        })).IsSuccess, Is.True);

    /// <summary>Whether every account's balance (memory and store) is the sum of its ledger rows.</summary>
    public async Task AssertBalancesAreLedgerSumsAsync(params string[] accounts)
    {
        foreach (var account in accounts)
        {
            decimal sum = (await LedgerAsync(account)).Sum(l => (decimal)l.Amount);
            Assert.That(Balance(account), Is.EqualTo(sum), account);
            Assert.That(await StoredBalanceAsync(account), Is.EqualTo(sum), account);
        }
    }

    public decimal Balance(string account) => Money.From(Services.State.FindCustomer(account)!.Money);

    /// <summary>The balance as stored (what a restart would load).</summary>
    public async Task<decimal> StoredBalanceAsync(string account)
    {
        await using var connection = await Store.OpenConnectionAsync();
        return Money.From(await connection.ExecuteScalarAsync<double>("SELECT money FROM customers WHERE account = @account;", new { account }));
    }

    public async Task<List<(long Kind, double Amount, double Balance, string Key)>> LedgerAsync(string account)
    {
        await using var connection = await Store.OpenConnectionAsync();
        return (await connection.QueryAsync<(long, double, double, string)>(
            "SELECT kind, amount, balance, key FROM ledger WHERE account = @account ORDER BY id;", new { account })).AsList();
    }

    /// <summary>The account's ledger rows without its opening row.</summary>
    public async Task<List<(long Kind, double Amount, double Balance, string Key)>> MovementsAsync(string account) =>
        (await LedgerAsync(account)).Where(l => l.Kind != (long)LedgerKind.Opening).ToList();

    public static Cdr Call(string account, string callee, int holdSeconds, long stop = 1_000_000) => new()
    {
        CallId = 1, Account = account, CallerE164 = "1001", CalleeE164 = callee, Start = stop - (holdSeconds * 1000L), Stop = stop,
        HoldTime = holdSeconds, FeeTime = holdSeconds, BillingMode = 1,
    };

    public void Dispose()
    {
        Services.Dispose();
        _db.Dispose();
    }
}
