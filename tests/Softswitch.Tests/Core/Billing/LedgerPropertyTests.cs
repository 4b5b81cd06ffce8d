using System.Globalization;
using Dapper;
using Softswitch.Core.Billing;
using Softswitch.Core.Cdrs;

namespace Softswitch.Tests.Core.Billing;

/// <summary>
/// For random mixes of openings, payments, call batches and CreateCdr (repeated flowNos included), every balance is
/// the sum of its ledger, the CDR fees are the ledger's call charges, and the pay history is its pay rows.
/// </summary>
public sealed class LedgerPropertyTests
{
    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    public async Task BalancesCdrsAndPaymentsAgreeWithTheLedger(int seed)
    {
        using var f = new BillingFixture();
        var random = new Random(seed);
        string[] accounts = ["a", "b", "c"];
        await f.AccountAsync("a", random.Next(0, 500) / 100m, 1m, csv: ["0086,86,China,5,0.2,60", "0086755,,Shenzhen,4,0.07,6,0,0.07,6,0.05/30"]);
        await f.AccountAsync("b", random.Next(0, 500) / 100m);
        await f.AccountAsync("c", 0m, group: "");
        var cdrService = new CdrService(f.Cdrs, f.Services.State, f.Services.Time, f.CallBilling);
        string[] callees = ["0086123", "0086755123", "0044123", "1002"];
        for (int step = 0; step < 40; step++)
        {
            string account = accounts[random.Next(accounts.Length)];
            switch (random.Next(3))
            {
                case 0:
                    decimal amount = random.Next(-200, 500) / 100m;
                    if (amount != 0)
                    {
                        await f.Payments.PayAsync(account, 2, amount, "p"); // a refused deduction changes nothing
                    }
                    break;
                case 1:
                    var batch = Enumerable.Range(0, random.Next(1, 4))
                        .Select(_ => BillingFixture.Call(accounts[random.Next(accounts.Length)], callees[random.Next(callees.Length)], random.Next(0, 400)))
                        .ToArray();
                    await f.CallBilling.WriteAsync(batch, f.Cdrs);
                    break;
                default:
                    await cdrService.CreateAsync(new ExternalCdr
                    {
                        Account = account, BillingMode = 0, BillingTime = random.Next(0, 300), CalleeE164 = callees[random.Next(callees.Length)],
                        FlowNo = 1_000_000 + random.Next(0, 8),
                    });
                    break;
            }
        }

        await using var connection = await f.Store.OpenConnectionAsync();
        foreach (string account in accounts)
        {
            var ledger = await f.LedgerAsync(account);
            decimal sum = ledger.Sum(l => (decimal)l.Amount);
            Assert.That(f.Balance(account), Is.EqualTo(sum), $"{account}: memory = Σ ledger");
            Assert.That(await f.StoredBalanceAsync(account), Is.EqualTo(sum), $"{account}: store = Σ ledger");
            var cdrs = await f.Cdrs.QueryAsync(new CdrQuery { Accounts = [account], From = DateTimeOffset.UnixEpoch, To = DateTimeOffset.MaxValue });
            Assert.That(cdrs.Sum(c => (decimal)c.Fee), Is.EqualTo(-ledger.Where(l => l.Kind == (int)LedgerKind.CallCharge).Sum(l => (decimal)l.Amount)),
                $"{account}: CDR fees = ledger call charges");
            Assert.That(ledger.Where(l => l.Kind == (int)LedgerKind.CallCharge).Select(l => l.Key),
                Is.EquivalentTo(cdrs.Where(c => c.Fee > 0).Select(c => string.Create(CultureInfo.InvariantCulture, $"cdr:{c.FlowNo}"))), $"{account}: one charge per charged CDR");
            double paid = await connection.ExecuteScalarAsync<double>("SELECT COALESCE(SUM(fee), 0) FROM pay_history WHERE account = @account;", new { account });
            Assert.That(Money.From(paid), Is.EqualTo(ledger.Where(l => l.Kind == (int)LedgerKind.Pay).Sum(l => (decimal)l.Amount)), $"{account}: pay history = ledger pays");
        }
    }
}
