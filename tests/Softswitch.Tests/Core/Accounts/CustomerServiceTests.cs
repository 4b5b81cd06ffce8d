using Softswitch.Core.Accounts;
using Softswitch.Core.Management;
using Softswitch.Core.Phones;

namespace Softswitch.Tests.Core.Accounts;

public class CustomerServiceTests
{
    private TempDatabase _db = null!;
    private ServiceFixture _f = null!;

    [SetUp]
    public void SetUp()
    {
        _db = new TempDatabase();
        _f = new ServiceFixture(_db);
    }

    [TearDown]
    public void TearDown()
    {
        _f.Dispose();
        _db.Dispose();
    }

    [Test]
    public async Task CreateAppliesDefaultsAndStampsStartTime()
    {
        var result = await _f.Customers.CreateAsync("acme", new CustomerChanges { Name = "Acme" });

        Assert.That(result.IsSuccess, Is.True);
        var customer = _f.Customers.Find("acme")!;
        Assert.That(customer.Money, Is.Zero);
        Assert.That(customer.Type, Is.EqualTo(CustomerType.Normal));
        Assert.That(customer.StartTime, Is.EqualTo(_f.Time.GetUtcNow().ToUnixTimeMilliseconds()));
    }

    [TestCase(null, "Acme", "account")]
    [TestCase("", "Acme", "account")]
    [TestCase("acme", null, "name")]
    public async Task CreateNamesTheMissingField(string? account, string? name, string field)
    {
        var result = await _f.Customers.CreateAsync(account, new CustomerChanges { Name = name });

        Assert.That(result.Error, Is.EqualTo(ServiceError.MissingField));
        Assert.That(result.Field, Is.EqualTo(field));
    }

    [Test]
    public async Task CreateRefusesOutOfRangeEnumerations()
    {
        var result = await _f.Customers.CreateAsync("acme", new CustomerChanges { Name = "Acme", Type = 7 });

        Assert.That(result.Error, Is.EqualTo(ServiceError.OutOfRange));
        Assert.That(result.Field, Is.EqualTo("type"));
        Assert.That(_f.Customers.Find("acme"), Is.Null);
    }

    [Test]
    public async Task DuplicateAccountIsRefused()
    {
        await _f.Customers.CreateAsync("acme", new CustomerChanges { Name = "Acme" });

        var again = await _f.Customers.CreateAsync("acme", new CustomerChanges { Name = "Other" });

        Assert.That(again.Error, Is.EqualTo(ServiceError.Duplicate));
        Assert.That(_f.Customers.Find("acme")!.Name, Is.EqualTo("Acme"));
    }

    [Test]
    public async Task ModifyChangesOnlyGivenFieldsAndMergesAdditional()
    {
        await _f.Customers.CreateAsync("acme", new CustomerChanges
        {
            Name = "Acme", Money = 5, Memo = "keep",
            Additional = new CustomerAdditional { Email = "a@x", Fax = "1" },
        });

        var result = await _f.Customers.ModifyAsync("acme", new CustomerChanges
        {
            LockType = 1, Money = 99, Additional = new CustomerAdditional { Fax = "2" },
        });

        Assert.That(result.IsSuccess, Is.True);
        var customer = _f.Customers.Find("acme")!;
        Assert.That(customer.LockType, Is.EqualTo(CustomerLockType.Locked));
        Assert.That(customer.Memo, Is.EqualTo("keep"));
        Assert.That(customer.Money, Is.EqualTo(5), "money is not modifiable (§3.2)");
        Assert.That(customer.Additional, Is.EqualTo(new CustomerAdditional { Email = "a@x", Fax = "2" }));
    }

    [Test]
    public async Task ModifyOrDeleteOfUnknownAccountIsNotFound()
    {
        Assert.That((await _f.Customers.ModifyAsync("ghost", new CustomerChanges())).Error, Is.EqualTo(ServiceError.NotFound));
        Assert.That((await _f.Customers.DeleteAsync("ghost")).Error, Is.EqualTo(ServiceError.NotFound));
    }

    [Test]
    public async Task DeleteIsRefusedWhileTheAccountHasPhones()
    {
        await _f.Customers.CreateAsync("acme", new CustomerChanges { Name = "Acme" });
        await _f.Phones.CreateAsync(false, "1001", new PhoneChanges { Account = "acme" });

        var refused = await _f.Customers.DeleteAsync("acme");
        await _f.Phones.DeleteAsync("1001");
        var accepted = await _f.Customers.DeleteAsync("acme");

        Assert.That(refused.Error, Is.EqualTo(ServiceError.DependencyExists));
        Assert.That(accepted.IsSuccess, Is.True);
        Assert.That(_f.Customers.Find("acme"), Is.Null);
    }

    [Test]
    public async Task AgentsMustExistCannotLoopAndCannotBeDeletedWithSubAccounts()
    {
        await _f.Customers.CreateAsync("agent", new CustomerChanges { Name = "Agent" });
        var missingAgent = await _f.Customers.CreateAsync("sub", new CustomerChanges { Name = "Sub", AgentAccount = "nobody" });
        await _f.Customers.CreateAsync("sub", new CustomerChanges { Name = "Sub", AgentAccount = "agent" });
        await _f.Customers.CreateAsync("subsub", new CustomerChanges { Name = "SubSub", AgentAccount = "sub" });

        var loop = await _f.Customers.ModifyAsync("agent", new CustomerChanges { AgentAccount = "subsub" });
        var delete = await _f.Customers.DeleteAsync("agent");
        var all = _f.Customers.Query(new CustomerQuery { AgentAccount = "agent" }).Value!;
        var direct = _f.Customers.Query(new CustomerQuery { AgentAccount = "agent", AgentQuerySonMode = 1 }).Value!;

        Assert.That(missingAgent.Error, Is.EqualTo(ServiceError.NotFound));
        Assert.That(loop.Error, Is.EqualTo(ServiceError.OutOfRange));
        Assert.That(delete.Error, Is.EqualTo(ServiceError.DependencyExists));
        Assert.That(all.Select(c => c.Account), Is.EqualTo(new[] { "sub", "subsub" }));
        Assert.That(direct.Select(c => c.Account), Is.EqualTo(new[] { "sub" }));
        Assert.That(_f.Customers.CategoryOf("agent"), Is.EqualTo(CustomerCategory.Agent));
        Assert.That(_f.Customers.CategoryOf("subsub"), Is.EqualTo(CustomerCategory.Normal));
    }

    [Test]
    public async Task QueryNeedsASelectorAndFindsByE164()
    {
        await _f.Customers.CreateAsync("acme", new CustomerChanges { Name = "Acme" });
        await _f.Phones.CreateAsync(false, "1001", new PhoneChanges { Account = "acme" });

        Assert.That(_f.Customers.Query(new CustomerQuery()).Error, Is.EqualTo(ServiceError.MissingField));
        Assert.That(_f.Customers.Query(new CustomerQuery { E164s = ["1001", "9999"] }).Value!.Single().Account,
            Is.EqualTo("acme"));
        Assert.That(_f.Customers.Query(new CustomerQuery { Accounts = ["acme"], Type = 1 }).Value, Is.Empty);
    }
}
