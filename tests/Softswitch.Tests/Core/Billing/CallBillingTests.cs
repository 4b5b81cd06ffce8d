using Softswitch.Core.Billing;
using Softswitch.Core.Cdrs;

namespace Softswitch.Tests.Core.Billing;

/// <summary>Rating finished calls and charging them through the ledger exactly once (docs/billing.md "Charging a call").</summary>
public sealed class CallBillingTests
{
    private const string China = "0086,86,China,5,0.2,60";
    private const string Shenzhen = "0086755,86755,Shenzhen,4,0.12,60,0,0.12,60,0.05/30";
    private BillingFixture _f = null!;

    [SetUp]
    public void SetUp() => _f = new BillingFixture();

    [TearDown]
    public void TearDown() => _f.Dispose();

    [TestCase("0086123", 1, 60, 0.2)]
    [TestCase("0086123", 60, 60, 0.2)]
    [TestCase("0086123", 61, 120, 0.4)]
    [TestCase("0086755123", 30, 30, 0.05)]
    [TestCase("0086755123", 31, 90, 0.17)]
    [TestCase("0086755123", 150, 150, 0.29)]
    public async Task AnAnsweredCallCostsItsSectionsThenEveryStartedPeriod(string callee, int hold, int feeTime, double fee)
    {
        await _f.AccountAsync("acme", 10m, csv: [China, Shenzhen]);

        var cdr = _f.CallBilling.Rate(BillingFixture.Call("acme", callee, hold));

        Assert.That(cdr.FeeTime, Is.EqualTo(feeTime));
        Assert.That(cdr.Fee, Is.EqualTo(fee));
        Assert.That(cdr.FeeTime, Is.GreaterThanOrEqualTo(cdr.HoldTime));
        Assert.That(cdr.FeePrefix, Is.EqualTo(callee.StartsWith("0086755", StringComparison.Ordinal) ? "0086755" : "0086"));
        Assert.That(cdr.CallLevel, Is.EqualTo(callee.StartsWith("0086755", StringComparison.Ordinal) ? 4 : 5));
        Assert.That(cdr.AccountName, Is.EqualTo("ACME"));
    }

    [Test]
    public async Task UnansweredUnratedOrUnknownPayersCostNothing()
    {
        await _f.AccountAsync("acme", 10m, csv: [China]);
        await _f.AccountAsync("free", 10m, group: "");

        Assert.That(_f.CallBilling.Rate(BillingFixture.Call("acme", "0086123", 0)).Fee, Is.Zero, "not answered");
        Assert.That(_f.CallBilling.Rate(BillingFixture.Call("acme", "0044123", 30)).Fee, Is.Zero, "no rate");
        Assert.That(_f.CallBilling.Rate(BillingFixture.Call("free", "0086123", 30)).Fee, Is.Zero, "no fee-rate group");
        Assert.That(_f.CallBilling.Rate(BillingFixture.Call("ghost", "0086123", 30)).Fee, Is.Zero, "unknown account");
        Assert.That(_f.CallBilling.Rate(BillingFixture.Call("acme", "0086123", 30)).Fee, Is.EqualTo(0.2));
    }

    [Test]
    public async Task ABatchChargesEveryCallOnceInTheLedgerAndTheBalance()
    {
        await _f.AccountAsync("acme", 1m, csv: [China]);
        await _f.AccountAsync("other", 5m, group: "");

        await _f.CallBilling.WriteAsync([BillingFixture.Call("acme", "0086123", 61), BillingFixture.Call("acme", "0086123", 0),
            BillingFixture.Call("acme", "0086999", 5), BillingFixture.Call("other", "0086123", 5)], _f.Cdrs);

        Assert.That(_f.Balance("acme"), Is.EqualTo(0.4m), "1 - 0.4 - 0.2");
        Assert.That(await _f.StoredBalanceAsync("acme"), Is.EqualTo(0.4m));
        Assert.That(_f.Balance("other"), Is.EqualTo(5m), "an account without a fee-rate group is not billed");
        var ledger = await _f.LedgerAsync("acme");
        Assert.That(ledger.Select(l => (l.Kind, l.Amount, l.Balance)), Is.EqualTo(new[] { (4L, 1.0, 1.0), (1L, -0.4, 0.6), (1L, -0.2, 0.4) }),
            "the opening, then one row per charged call");
        ledger = await _f.MovementsAsync("acme");
        Assert.That(ledger.Select(l => l.Key), Is.Unique);
        Assert.That(ledger.Select(l => l.Key), Has.All.StartWith("cdr:"));
        var cdrs = await _f.Cdrs.QueryAsync(new CdrQuery { Accounts = ["acme"], From = DateTimeOffset.UnixEpoch, To = DateTimeOffset.UnixEpoch.AddDays(1) });
        Assert.That(cdrs.Sum(c => (decimal)c.Fee), Is.EqualTo(-ledger.Sum(l => (decimal)l.Amount)), "CDR fees and the ledger agree");
    }

    [Test]
    public async Task ACallRecoveredAfterACrashIsChargedOnceUnderItsCallKeyHoweverOftenRecoveryRuns()
    {
        await _f.AccountAsync("acme", 1m, csv: [China]);
        var recovered = BillingFixture.Call("acme", "0086123", 61) with { CallKey = "boot-a-7", EndReason = global::Softswitch.Core.Calls.EndReason.SwitchRestarted };

        var first = await _f.CallBilling.CreateAsync(recovered, _f.Cdrs);
        var again = await _f.CallBilling.CreateAsync(recovered with { FlowNo = 0 }, _f.Cdrs);

        Assert.That(first, Is.Not.Null);
        Assert.That(again, Is.Null, "the same call key writes and charges nothing the second time");
        Assert.That(_f.Balance("acme"), Is.EqualTo(0.6m));
        Assert.That(await _f.MovementsAsync("acme"), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task ThreeTenthsFromThreeTenthsLeaveExactlyZero()
    {
        await _f.AccountAsync("acme", 0.3m, csv: ["0086,86,China,5,0.1,60"]);

        for (int i = 0; i < 3; i++)
        {
            await _f.CallBilling.WriteAsync([BillingFixture.Call("acme", "0086123", 60)], _f.Cdrs);
        }

        Assert.That(_f.Balance("acme"), Is.EqualTo(0m));
        Assert.That(await _f.StoredBalanceAsync("acme"), Is.EqualTo(0m));
    }

    [Test]
    public async Task AFailedWriteChangesNeitherTheStoreNorMemoryAndTheRetryChargesOnce()
    {
        await _f.AccountAsync("acme", 1m, csv: [China]);
        var failing = new FailingOnce(_f.Cdrs);

        Assert.ThrowsAsync<InvalidOperationException>(() => _f.CallBilling.WriteAsync([BillingFixture.Call("acme", "0086123", 60)], failing));
        Assert.That(_f.Balance("acme"), Is.EqualTo(1m));
        await _f.CallBilling.WriteAsync([BillingFixture.Call("acme", "0086123", 60)], failing);

        Assert.That(_f.Balance("acme"), Is.EqualTo(0.8m));
        Assert.That(await _f.StoredBalanceAsync("acme"), Is.EqualTo(0.8m));
        Assert.That(await _f.MovementsAsync("acme"), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task AChargeAlreadyInTheLedgerIsNeverAppliedTwice()
    {
        await _f.AccountAsync("acme", 1m, csv: [China]);
        await _f.CallBilling.WriteAsync([BillingFixture.Call("acme", "0086123", 60)], _f.Cdrs);
        var (_, _, _, key) = (await _f.MovementsAsync("acme")).Single();
        long next = long.Parse(key["cdr:".Length..], System.Globalization.CultureInfo.InvariantCulture) + 1;
        await using (var connection = await _f.Store.OpenConnectionAsync())
        {
            // As if the next CDR's charge had been applied already (a replay): the key is taken.
            await Dapper.SqlMapper.ExecuteAsync(connection,
                "INSERT INTO ledger (account, kind, amount, balance, time, key) VALUES ('acme', 1, -0.2, 0.6, 0, @key);", new { key = $"cdr:{next}" });
        }

        Assert.That(() => _f.CallBilling.WriteAsync([BillingFixture.Call("acme", "0086123", 60)], _f.Cdrs), Throws.Exception);

        Assert.That(_f.Balance("acme"), Is.EqualTo(0.8m), "the whole transaction rolled back: no second charge");
        Assert.That(await _f.StoredBalanceAsync("acme"), Is.EqualTo(0.8m));
        var cdrs = await _f.Cdrs.QueryAsync(new CdrQuery { Accounts = ["acme"], From = DateTimeOffset.UnixEpoch, To = DateTimeOffset.UnixEpoch.AddDays(1) });
        Assert.That(cdrs, Has.Count.EqualTo(1), "and no CDR without its charge");
    }

    [Test]
    public async Task CreateCdrChargesOncePerFlowNo()
    {
        await _f.AccountAsync("acme", 1m, csv: [China]);
        var service = new CdrService(_f.Cdrs, _f.Services.State, _f.Services.Time, _f.CallBilling);
        var input = new ExternalCdr { Account = "acme", BillingMode = 0, BillingTime = 120, CalleeE164 = "0086123", FlowNo = 77 };

        var first = await service.CreateAsync(input);
        var again = await service.CreateAsync(input);

        Assert.That(first.Value, Is.EqualTo(77));
        Assert.That(again.IsSuccess, Is.False, "a colliding flowNo records and charges nothing (§3.51)");
        Assert.That(_f.Balance("acme"), Is.EqualTo(0.6m), "120 s = 2 periods of 0.2");
        Assert.That(await _f.StoredBalanceAsync("acme"), Is.EqualTo(0.6m));
        Assert.That((await _f.MovementsAsync("acme")).Single().Key, Is.EqualTo("cdr:77"));
    }

    [Test]
    public async Task CreateCdrFindsThePayerOfEveryBillingMode()
    {
        await _f.AccountAsync("acme", 1m, csv: [China]);
        _f.Gateways.PutMapping(new Softswitch.Core.Gateways.MappingGateway { Id = 1, Name = "trunk", RemoteIps = "198.51.100.1", Account = "acme" });
        var service = new CdrService(_f.Cdrs, _f.Services.State, _f.Services.Time, _f.CallBilling);

        var byGateway = await service.CreateAsync(new ExternalCdr { BillingMode = 1, CallerGatewayId = "trunk", BillingTime = 60, CalleeE164 = "0086123" });
        var unknown = await service.CreateAsync(new ExternalCdr { BillingMode = 1, CallerGatewayId = "nope", BillingTime = 60 });
        var missing = await service.CreateAsync(new ExternalCdr { BillingMode = 3, BillingTime = 60 });

        Assert.That(byGateway.IsSuccess, Is.True, byGateway.Message);
        Assert.That(_f.Balance("acme"), Is.EqualTo(0.8m));
        Assert.That((unknown.Error, unknown.Field), Is.EqualTo((Softswitch.Core.Management.ServiceError.NotFound, "callerGatewayId")));
        Assert.That((missing.Error, missing.Field), Is.EqualTo((Softswitch.Core.Management.ServiceError.MissingField, "callerE164")));
    }

    [Test]
    public async Task PaymentsAreLedgerRowsToo()
    {
        await _f.AccountAsync("acme", 0m, csv: [China]);

        Assert.That((await _f.Payments.PayAsync("acme", 2, 2.5m, "top-up")).IsSuccess, Is.True);
        Assert.That((await _f.Payments.PayAsync("acme", 2, -0.5m, "fix")).IsSuccess, Is.True);

        var ledger = await _f.LedgerAsync("acme");
        Assert.That(ledger.Select(l => (l.Kind, l.Amount, l.Balance)), Is.EqualTo(new[] { (2L, 2.5, 2.5), (2L, -0.5, 2.0) }));
        Assert.That(ledger.Select(l => l.Key), Has.All.StartWith("pay:"));
    }

    [Test]
    public async Task TheWriterRatesAndChargesWhatTheQueueCarries()
    {
        await _f.AccountAsync("acme", 1m, csv: [China]);
        var options = new CdrQueueOptions { Capacity = 10, BatchSize = 10 };
        var queue = new CdrQueue(options);
        using var writer = new CdrWriter(queue, _f.Cdrs, options, _f.Services.Time, _f.CallBilling);
        await writer.StartAsync();

        Assert.That(queue.TryEnqueue(BillingFixture.Call("acme", "0086123", 90)), Is.True);
        await writer.StopAsync();

        Assert.That(_f.Balance("acme"), Is.EqualTo(0.6m));
        var cdr = (await _f.Cdrs.QueryAsync(new CdrQuery { Accounts = ["acme"], From = DateTimeOffset.UnixEpoch, To = DateTimeOffset.UnixEpoch.AddDays(1) })).Single();
        Assert.That((cdr.Fee, cdr.FeeTime, cdr.HoldTime), Is.EqualTo((0.4, 120, 90)));
    }

    /// <summary>Fails the first charged batch before touching the database, then writes through.</summary>
    private sealed class FailingOnce(ICdrStore inner) : ICdrStore
    {
        private bool _failed;

        public Task InsertBatchAsync(IReadOnlyList<Cdr> cdrs, CancellationToken cancellationToken = default) =>
            inner.InsertBatchAsync(cdrs, cancellationToken);

        public Task<long?> TryInsertAsync(Cdr cdr, CancellationToken cancellationToken = default) => inner.TryInsertAsync(cdr, cancellationToken);

        public Task InsertChargedBatchAsync(IReadOnlyList<Cdr> cdrs, IReadOnlyList<CallCharge?> charges, CancellationToken cancellationToken = default)
        {
            if (!_failed)
            {
                _failed = true;
                throw new InvalidOperationException("database busy");
            }
            return inner.InsertChargedBatchAsync(cdrs, charges, cancellationToken);
        }

        public Task<long?> TryInsertChargedAsync(Cdr cdr, CallCharge? charge, CancellationToken cancellationToken = default) =>
            inner.TryInsertChargedAsync(cdr, charge, cancellationToken);

        public Task<IReadOnlyList<Cdr>> QueryAsync(CdrQuery query, CancellationToken cancellationToken = default) =>
            inner.QueryAsync(query, cancellationToken);
    }
}
