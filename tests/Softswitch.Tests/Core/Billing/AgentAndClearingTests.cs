using Softswitch.Core.Billing;
using Softswitch.Core.Cdrs;
using Softswitch.Core.Gateways;

namespace Softswitch.Tests.Core.Billing;

/// <summary>The agent chain and the routing gateway's clearing account (docs/billing.md "Agents and clearing").</summary>
public sealed class AgentAndClearingTests
{
    private const string Retail = "0086,86,China,5,0.2,60";
    private const string Wholesale = "0086,86,China,5,0.1,60";
    private const string Top = "0086,86,China,5,0.05,30";
    private BillingFixture _f = null!;

    [SetUp]
    public async Task SetUp()
    {
        _f = new BillingFixture();
        await _f.GroupAsync("retail", Retail);
        await _f.GroupAsync("wholesale", Wholesale);
        await _f.GroupAsync("top", Top);
    }

    [TearDown]
    public void TearDown() => _f.Dispose();

    [Test]
    public async Task TheAgentIsChargedItsOwnRateAndTheCdrCarriesItsFee()
    {
        await _f.CustomerAsync("dealer", 5m, "wholesale");
        await _f.CustomerAsync("acme", 1m, "retail", agent: "dealer");

        await _f.CallBilling.WriteAsync([BillingFixture.Call("acme", "0086123", 61)], _f.Cdrs);

        var cdr = (await CdrsAsync("acme")).Single();
        Assert.That((cdr.Fee, cdr.FeeTime, cdr.FeePrefix), Is.EqualTo((0.4, 120, "0086")));
        Assert.That((cdr.AgentFee, cdr.AgentFeeTime, cdr.AgentFeePrefix), Is.EqualTo((0.2, 120, "0086")));
        Assert.That((cdr.AgentAccount, cdr.AgentName), Is.EqualTo(("dealer", "DEALER")));
        Assert.That(_f.Balance("acme"), Is.EqualTo(0.6m));
        Assert.That(_f.Balance("dealer"), Is.EqualTo(4.8m));
        var agentRow = (await _f.MovementsAsync("dealer")).Single();
        Assert.That((agentRow.Kind, agentRow.Amount, agentRow.Balance), Is.EqualTo(((long)LedgerKind.AgentCharge, -0.2, 4.8)));
        Assert.That(agentRow.Key, Is.EqualTo($"cdr:{cdr.FlowNo}:agent:1"));
        Assert.That((await _f.MovementsAsync("acme")).Single().Key, Is.EqualTo($"cdr:{cdr.FlowNo}"));
        await _f.AssertBalancesAreLedgerSumsAsync("acme", "dealer");
    }

    [Test]
    public async Task EveryAgentUpTheChainPaysItsOwnRateButTheCdrNamesTheDirectAgent()
    {
        await _f.CustomerAsync("top", 5m, "top");
        await _f.CustomerAsync("dealer", 5m, "wholesale", agent: "top");
        await _f.CustomerAsync("acme", 1m, "retail", agent: "dealer");

        await _f.CallBilling.WriteAsync([BillingFixture.Call("acme", "0086123", 45)], _f.Cdrs);

        var cdr = (await CdrsAsync("acme")).Single();
        Assert.That((cdr.AgentAccount, cdr.AgentFee, cdr.AgentFeeTime), Is.EqualTo(("dealer", 0.1, 60)));
        Assert.That(_f.Balance("top"), Is.EqualTo(4.9m), "two started 30 s periods at 0.05");
        Assert.That((await _f.MovementsAsync("top")).Single().Key, Is.EqualTo($"cdr:{cdr.FlowNo}:agent:2"));
        await _f.AssertBalancesAreLedgerSumsAsync("acme", "dealer", "top");
    }

    [Test]
    public async Task AnAgentWithoutARateOrGroupIsChargedNothingAndTheChainGoesOn()
    {
        await _f.CustomerAsync("top", 5m, "top");
        await _f.CustomerAsync("dealer", 5m, "", agent: "top");
        await _f.CustomerAsync("acme", 1m, "retail", agent: "dealer");

        await _f.CallBilling.WriteAsync([BillingFixture.Call("acme", "0086123", 30), BillingFixture.Call("acme", "0044123", 30)], _f.Cdrs);

        var cdrs = await CdrsAsync("acme");
        Assert.That(cdrs.Select(c => (c.AgentFee, c.AgentFeeTime, c.AgentFeePrefix)), Is.All.EqualTo((0.0, 0, "")));
        Assert.That(_f.Balance("dealer"), Is.EqualTo(5m));
        Assert.That(_f.Balance("top"), Is.EqualTo(4.95m), "the agent above still rates 0086; nobody rates 0044");
        Assert.That(_f.Balance("acme"), Is.EqualTo(0.8m));
        await _f.AssertBalancesAreLedgerSumsAsync("acme", "dealer", "top");
    }

    [Test]
    public async Task AnUnansweredCallChargesNoAgentAndNoClearingAccount()
    {
        await _f.CustomerAsync("dealer", 5m, "wholesale");
        await _f.CustomerAsync("acme", 1m, "retail", agent: "dealer");
        await _f.CustomerAsync("carrier", 5m, "wholesale");
        Carrier(useCallout: false);

        await _f.CallBilling.WriteAsync([BillingFixture.Call("acme", "0086123", 0) with { CalleeGateway = "gw" }], _f.Cdrs);

        Assert.That(await _f.MovementsAsync("dealer"), Is.Empty);
        Assert.That(await _f.MovementsAsync("carrier"), Is.Empty);
        Assert.That((await CdrsAsync("acme")).Single().AgentAccount, Is.EqualTo("dealer"), "the agent is named all the same");
    }

    [TestCase(false, "0086123", 0.1)]
    [TestCase(true, "0086123", 0.3)]
    public async Task TheClearingAccountPaysItsSettlementRateForTheNumberItIsConfiguredToRate(bool useCallout, string callee, double cost)
    {
        await _f.GroupAsync("cost", "0086,86,China,5,0.1,60", "86,86,China sent,5,0.3,60");
        await _f.CustomerAsync("acme", 1m, "retail");
        await _f.CustomerAsync("carrier", 5m, "cost");
        Carrier(useCallout);

        await _f.CallBilling.WriteAsync([BillingFixture.Call("acme", callee, 50) with { CalleeGateway = "gw", CalleeToGatewayE164 = "86123" }], _f.Cdrs);

        var cdr = (await CdrsAsync("acme")).Single();
        Assert.That(cdr.Fee, Is.EqualTo(0.2), "the payer's own charge is unchanged by clearing");
        var row = (await _f.MovementsAsync("carrier")).Single();
        Assert.That((row.Kind, row.Amount, row.Key), Is.EqualTo(((long)LedgerKind.ClearingCharge, -cost, $"cdr:{cdr.FlowNo}:clearing")));
        Assert.That(_f.Balance("carrier"), Is.EqualTo(5m - (decimal)cost));
        await _f.AssertBalancesAreLedgerSumsAsync("acme", "carrier");
    }

    [Test]
    public async Task AGatewayWithoutClearingAccountOrAnUnknownGatewayChargesNoOne()
    {
        await _f.CustomerAsync("acme", 1m, "retail");
        await _f.CustomerAsync("carrier", 5m, "wholesale");
        _f.Gateways.PutRouting(new RoutingGateway { Id = 1, Name = "plain", Prefix = "0086", RemoteIp = "203.0.113.1" });

        await _f.CallBilling.WriteAsync([BillingFixture.Call("acme", "0086123", 50) with { CalleeGateway = "plain" },
            BillingFixture.Call("acme", "0086123", 50) with { CalleeGateway = "ghost" }], _f.Cdrs);

        Assert.That(await _f.MovementsAsync("carrier"), Is.Empty);
        Assert.That(_f.Balance("acme"), Is.EqualTo(0.6m));
    }

    [Test]
    public async Task ReplayingACallChargesThePayerTheAgentAndTheClearingAccountOnce()
    {
        await _f.CustomerAsync("dealer", 5m, "wholesale");
        await _f.CustomerAsync("acme", 1m, "retail", agent: "dealer");
        await _f.CustomerAsync("carrier", 5m, "wholesale");
        Carrier(useCallout: false);
        var call = BillingFixture.Call("acme", "0086123", 60) with { CalleeGateway = "gw", FlowNo = 900 };
        var journalled = BillingFixture.Call("acme", "0086123", 60) with { CalleeGateway = "gw", CallKey = "boot-a-1" };

        Assert.That(await _f.CallBilling.CreateAsync(call, _f.Cdrs), Is.EqualTo(900));
        Assert.That(await _f.CallBilling.CreateAsync(call, _f.Cdrs), Is.Null, "the same flowNo records and charges nothing");
        await _f.CallBilling.WriteAsync([journalled], _f.Cdrs);
        Assert.That(() => _f.CallBilling.WriteAsync([journalled], _f.Cdrs), Throws.Exception, "the same call key is refused whole");

        Assert.That(_f.Balance("acme"), Is.EqualTo(0.6m));
        Assert.That(_f.Balance("dealer"), Is.EqualTo(4.8m));
        Assert.That(_f.Balance("carrier"), Is.EqualTo(4.8m));
        Assert.That((await _f.MovementsAsync("dealer")).Select(r => r.Key).ToList(), Is.Unique.And.Count.EqualTo(2));
        await _f.AssertBalancesAreLedgerSumsAsync("acme", "dealer", "carrier");
    }

    [Test]
    public async Task AnAgentChargeAlreadyInTheLedgerRollsTheWholeCallBack()
    {
        await _f.CustomerAsync("dealer", 5m, "wholesale");
        await _f.CustomerAsync("acme", 1m, "retail", agent: "dealer");
        await using (var connection = await _f.Store.OpenConnectionAsync())
        {
            // As if the agent's charge of flowNo 901 had been applied already: its key is taken.
            await Dapper.SqlMapper.ExecuteAsync(connection,
                "INSERT INTO ledger (account, kind, amount, balance, time, key) VALUES ('dealer', 5, 0, 5, 0, 'cdr:901:agent:1');");
        }

        Assert.That(() => _f.CallBilling.CreateAsync(BillingFixture.Call("acme", "0086123", 60) with { FlowNo = 901 }, _f.Cdrs), Throws.Exception);

        Assert.That(_f.Balance("acme"), Is.EqualTo(1m), "neither the payer's charge nor the CDR was written");
        Assert.That(await _f.StoredBalanceAsync("acme"), Is.EqualTo(1m));
        Assert.That(await CdrsAsync("acme"), Is.Empty);
        Assert.That(_f.Balance("dealer"), Is.EqualTo(5m));
    }

    [Test]
    public async Task OneAccountAsPayerAgentAndClearingAccountInOneBatchKeepsItsBalanceTheLedgerSum()
    {
        await _f.CustomerAsync("dealer", 5m, "wholesale");
        await _f.CustomerAsync("acme", 1m, "retail", agent: "dealer");
        await _f.CustomerAsync("beta", 2m, "retail", agent: "dealer");
        _f.Gateways.PutRouting(new RoutingGateway { Id = 1, Name = "gw", Prefix = "0086", RemoteIp = "203.0.113.1", ClearingAccount = "dealer" });
        var random = new Random(7);
        var calls = Enumerable.Range(0, 40).Select(i => BillingFixture.Call(random.Next(3) switch { 0 => "acme", 1 => "beta", _ => "dealer" },
            random.Next(4) == 0 ? "0044123" : "0086123", random.Next(0, 200), stop: 1_000_000 + i) with { CalleeGateway = random.Next(2) == 0 ? "gw" : "" }).ToList();

        await _f.CallBilling.WriteAsync(calls.Take(25).ToList(), _f.Cdrs);
        await _f.CallBilling.WriteAsync(calls.Skip(25).ToList(), _f.Cdrs);

        await _f.AssertBalancesAreLedgerSumsAsync("acme", "beta", "dealer");
        var all = await _f.Cdrs.QueryAsync(new CdrQuery { Accounts = ["acme", "beta", "dealer"], From = DateTimeOffset.UnixEpoch, To = DateTimeOffset.UnixEpoch.AddDays(1) });
        decimal agentRows = (await _f.MovementsAsync("dealer")).Where(r => r.Kind == (long)LedgerKind.AgentCharge).Sum(r => (decimal)r.Amount);
        Assert.That(-agentRows, Is.EqualTo(all.Where(c => c.Account != "dealer").Sum(c => (decimal)c.AgentFee)), "agent rows agree with the CDRs' agentFee");
        Assert.That(all.Where(c => c.Account == "dealer").Select(c => c.AgentFee), Is.All.Zero, "an account without an agent has no agent fee");
    }

    private void Carrier(bool useCallout) => _f.Gateways.PutRouting(new RoutingGateway
    {
        Id = 1, Name = "gw", Prefix = "0086", RemoteIp = "203.0.113.1", ClearingAccount = "carrier", ClearingAccountUseCalloutE164 = useCallout,
    });

    private Task<IReadOnlyList<Cdr>> CdrsAsync(string account) =>
        _f.Cdrs.QueryAsync(new CdrQuery { Accounts = [account], From = DateTimeOffset.UnixEpoch, To = DateTimeOffset.UnixEpoch.AddDays(1) });
}
