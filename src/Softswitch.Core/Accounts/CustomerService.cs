using Softswitch.Core.Management;

namespace Softswitch.Core.Accounts;

/// <summary>
/// Account management (001_… §3.1-§3.4). Every write validates, writes the store, then updates memory, all inside
/// the shared write gate; reads come from memory only.
/// </summary>
public sealed class CustomerService
{
    /// <summary>A balance changed (Pay, phone card, call charges): the CustomerMoneyChange push (001_… §4.6) listens.</summary>
    public event Action<Customer>? MoneyChanged;

    private readonly DirectoryState _state;
    private readonly TimeProvider _time;

    public CustomerService(DirectoryState state, TimeProvider time)
    {
        _state = state;
        _time = time;
    }

    public Task LoadAsync(CancellationToken cancellationToken = default) => _state.LoadAsync(cancellationToken);

    public Customer? Find(string account) => _state.FindCustomer(account);

    /// <summary>
    /// GetAllCustomers (001_… §3.5/§3.65): every account, ordered by account. <paramref name="type"/> only chooses
    /// the answer's shape (0 or absent: accounts, 1: infoCustomerBriefs), so it is checked here and nothing else.
    /// </summary>
    public ServiceResult<IReadOnlyList<Customer>> All(int? type)
    {
        if (FieldRules.OneOf(type, "type", 0, 1) is { } invalid)
        {
            return invalid.As<IReadOnlyList<Customer>>();
        }
        IReadOnlyList<Customer> all = _state.Customers.OrderBy(c => c.Account, StringComparer.Ordinal).ToArray();
        return ServiceResult<IReadOnlyList<Customer>>.Success(all);
    }

    /// <summary>Agent if any account names this one as its agentAccount (§3.4 category).</summary>
    public CustomerCategory CategoryOf(string account) =>
        _state.Customers.Any(c => c.AgentAccount == account) ? CustomerCategory.Agent : CustomerCategory.Normal;

    /// <summary>CreateCustomer (§3.1): account and name are mandatory, the account must be new.</summary>
    public async Task<ServiceResult> CreateAsync(string? account, CustomerChanges changes, CancellationToken cancellationToken = default)
    {
        var invalid = FieldRules.Identifier(account, "account")
            ?? FieldRules.Required(changes.Name, "name")
            ?? CustomerRules.CheckChanges(changes);
        if (invalid is not null)
        {
            return invalid;
        }
        using (await _state.EnterWriteAsync(cancellationToken))
        {
            if (_state.FindCustomer(account!) is not null)
            {
                return ServiceResult.Fail(ServiceError.Duplicate, "account", $"Account '{account}' already exists.");
            }
            var customer = Apply(NewCustomer(account!, changes.Name!), changes);
            if (CustomerRules.CheckAgent(_state, customer.Account, customer.AgentAccount) is { } badAgent)
            {
                return badAgent;
            }
            await _state.CustomerStore.InsertCustomerAsync(customer, cancellationToken);
            _state.PutCustomer(customer);
            return ServiceResult.Ok;
        }
    }

    /// <summary>
    /// ModifyCustomer (§3.2): only the fields given change. Money is not modifiable here (§3.2 has no money field;
    /// balances move through Pay, §3.22), so a money value is ignored.
    /// </summary>
    public async Task<ServiceResult> ModifyAsync(string? account, CustomerChanges changes, CancellationToken cancellationToken = default)
    {
        var invalid = FieldRules.Identifier(account, "account") ?? CustomerRules.CheckChanges(changes);
        if (invalid is not null)
        {
            return invalid;
        }
        if (changes.Name is not null && string.IsNullOrWhiteSpace(changes.Name))
        {
            return ServiceResult.Fail(ServiceError.OutOfRange, "name", "Field 'name' must not be empty.");
        }
        using (await _state.EnterWriteAsync(cancellationToken))
        {
            var existing = _state.FindCustomer(account!);
            if (existing is null)
            {
                return NotFound(account!);
            }
            var customer = Apply(existing, changes with { Money = null });
            if (CustomerRules.CheckAgent(_state, customer.Account, customer.AgentAccount) is { } badAgent)
            {
                return badAgent;
            }
            await _state.CustomerStore.UpdateCustomerAsync(customer, cancellationToken);
            _state.PutCustomer(customer);
            return ServiceResult.Ok;
        }
    }

    /// <summary>
    /// DeleteCustomer (§3.3). The manual gives no force option, so an account that still owns phones or is the
    /// agent of other accounts is refused rather than deleted with everything under it.
    /// </summary>
    public async Task<ServiceResult> DeleteAsync(string? account, CancellationToken cancellationToken = default)
    {
        if (FieldRules.Identifier(account, "account") is { } invalid)
        {
            return invalid;
        }
        using (await _state.EnterWriteAsync(cancellationToken))
        {
            if (_state.FindCustomer(account!) is null)
            {
                return NotFound(account!);
            }
            if (_state.PhonesOf(account!).Count is > 0 and var phones)
            {
                return ServiceResult.Fail(ServiceError.DependencyExists, "account",
                    $"Account '{account}' still has {phones} phone(s); delete them first.");
            }
            if (_state.SubAccountsOf(account!).Count is > 0 and var subs)
            {
                return ServiceResult.Fail(ServiceError.DependencyExists, "account",
                    $"Account '{account}' is the agent of {subs} account(s); move or delete them first.");
            }
            await _state.CustomerStore.DeleteCustomerAsync(account!, cancellationToken);
            _state.RemoveCustomer(account!);
            return ServiceResult.Ok;
        }
    }

    /// <summary>
    /// Moves an account's balance by <paramref name="delta"/> (Pay §3.22, PayByPhoneCard §3.58, suite rent §3.26),
    /// computed in decimal and rounded to 4 places (docs/billing.md). Inside the write gate: the account is read,
    /// <paramref name="persist"/> writes the new balance and the records that go with it in one transaction (it may
    /// refuse, e.g. for lack of funds, and must not enter the gate itself), then memory is updated.
    /// <paramref name="alsoChange"/> may change other fields with the balance (PayByPhoneCard replacing the
    /// feeRateGroup, §3.84); persist must write them too. Without
    /// <paramref name="persist"/> only the account row is written. Returns the account as it is afterwards.
    /// </summary>
    public async Task<ServiceResult<Customer>> ChangeMoneyAsync(string? account, decimal delta,
        Func<Customer, Customer, CancellationToken, Task<ServiceResult>>? persist = null,
        Func<Customer, Customer>? alsoChange = null, CancellationToken cancellationToken = default)
    {
        if (FieldRules.Identifier(account, "account") is { } invalid)
        {
            return invalid.As<Customer>();
        }
        using (await _state.EnterWriteAsync(cancellationToken))
        {
            if (_state.FindCustomer(account!) is not { } before)
            {
                return NotFound(account!).As<Customer>();
            }
            decimal money = Billing.Money.Round(Billing.Money.From(before.Money) + delta);
            if (Math.Abs(money) > Billing.Money.Max)
            {
                return ServiceResult.Fail(ServiceError.OutOfRange, "money",
                    $"The balance of '{account}' would leave the range +/-{Billing.Money.Max}.").As<Customer>();
            }
            var after = before with { Money = Billing.Money.ToDouble(money) };
            after = alsoChange?.Invoke(after) ?? after;
            if (persist is null)
            {
                await _state.CustomerStore.UpdateCustomerAsync(after, cancellationToken);
            }
            else if (await persist(before, after, cancellationToken) is { IsSuccess: false } refused)
            {
                return refused.As<Customer>();
            }
            _state.PutCustomer(after);
            MoneyChanged?.Invoke(after);
            return ServiceResult<Customer>.Success(after);
        }
    }

    /// <summary>GetCustomer (§3.4): at least one of accounts, e164s, agent must be given; unknown keys are skipped.</summary>
    public ServiceResult<IReadOnlyList<Customer>> Query(CustomerQuery query)
    {
        if (query.Accounts is null && query.E164s is null && query.AgentAccount is null)
        {
            return new(ServiceError.MissingField, "accounts",
                "One of 'accounts', 'e164s' or 'filterAgentAccount' is required.", null);
        }
        if (FieldRules.OneOf(query.AgentQuerySonMode, "filterAgentAccount.querySonMode", 0, 1) is { } badMode)
        {
            return badMode.As<IReadOnlyList<Customer>>();
        }
        var found = new Dictionary<string, Customer>(StringComparer.Ordinal);
        foreach (string account in query.Accounts ?? [])
        {
            AddIfFound(found, account);
        }
        foreach (string e164 in query.E164s ?? [])
        {
            if (_state.FindPhone(e164) is { } phone)
            {
                AddIfFound(found, phone.Account);
            }
        }
        if (query.AgentAccount is not null)
        {
            AddSubAccounts(found, query.AgentAccount, recursive: query.AgentQuerySonMode == 0);
        }
        IReadOnlyList<Customer> result = found.Values
            .Where(c => query.Type is null || (int)c.Type == query.Type)
            .OrderBy(c => c.Account, StringComparer.Ordinal)
            .ToArray();
        return ServiceResult<IReadOnlyList<Customer>>.Success(result);
    }

    private void AddIfFound(Dictionary<string, Customer> found, string account)
    {
        if (_state.FindCustomer(account) is { } customer)
        {
            found[account] = customer;
        }
    }

    private void AddSubAccounts(Dictionary<string, Customer> found, string agent, bool recursive)
    {
        var pending = new Queue<string>([agent]);
        var seen = new HashSet<string>(StringComparer.Ordinal) { agent };
        while (pending.TryDequeue(out string? current))
        {
            foreach (var sub in _state.SubAccountsOf(current))
            {
                found[sub.Account] = sub;
                if (recursive && seen.Add(sub.Account))
                {
                    pending.Enqueue(sub.Account);
                }
            }
        }
    }

    private Customer NewCustomer(string account, string name) => new()
    {
        Account = account,
        Name = name,
        StartTime = _time.GetUtcNow().ToUnixTimeMilliseconds(),
    };

    /// <summary>The given fields replace the account's (int codes become the enums by value).</summary>
    private static Customer Apply(Customer customer, CustomerChanges changes) => JsonOverlay.Apply(customer, changes);

    private static ServiceResult NotFound(string account) =>
        ServiceResult.Fail(ServiceError.NotFound, "account", $"Account '{account}' not found.");
}
