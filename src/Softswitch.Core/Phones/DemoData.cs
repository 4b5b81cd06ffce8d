using Softswitch.Core.Accounts;
using Softswitch.Core.Management;

namespace Softswitch.Core.Phones;

/// <summary>
/// The demo set the run contract (docs/architecture.md) promises: account "demo" with phones 1001 and 1002, so two
/// softphones can register and call each other on first start. Idempotent: existing entries are kept (with their
/// passwords) and returned again so the host can print them on every start.
/// </summary>
public static class DemoData
{
    public const string Account = "demo";

    public static readonly IReadOnlyList<string> E164s = ["1001", "1002"];

    public static async Task<IReadOnlyList<DemoPhone>> EnsureAsync(CustomerService customers, PhoneService phones,
        CancellationToken cancellationToken = default)
    {
        await customers.LoadAsync(cancellationToken);
        if (customers.Find(Account) is null)
        {
            var created = await customers.CreateAsync(Account, new CustomerChanges { Name = "Demo account" }, cancellationToken);
            if (!created.IsSuccess && created.Error != ServiceError.Duplicate)
            {
                throw new InvalidOperationException($"Demo account could not be created: {created.Message}");
            }
        }
        var result = new List<DemoPhone>(E164s.Count);
        foreach (string e164 in E164s)
        {
            if (phones.Find(e164) is { } existing)
            {
                result.Add(new DemoPhone(e164, existing.Password, existing.Account, Created: false));
                continue;
            }
            var created = await phones.CreateAsync(false, e164,
                new PhoneChanges { Account = Account, Password = PasswordGenerator.Next(), Memo = "demo phone" },
                cancellationToken);
            if (!created.IsSuccess)
            {
                throw new InvalidOperationException($"Demo phone {e164} could not be created: {created.Message}");
            }
            result.Add(new DemoPhone(e164, created.Value!.Password, Account, Created: true));
        }
        return result;
    }
}
