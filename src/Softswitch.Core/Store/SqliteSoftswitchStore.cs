using Dapper;
using Microsoft.Data.Sqlite;
using Softswitch.Core.Accounts;
using Softswitch.Core.Phones;

namespace Softswitch.Core.Store;

/// <summary>
/// The embedded SQLite store (docs/architecture.md): one connection per operation from Microsoft.Data.Sqlite's pool,
/// foreign keys on, and a busy timeout so a second process or a checkpoint makes writers wait instead of failing.
/// </summary>
public sealed class SqliteSoftswitchStore : ICustomerStore, IPhoneStore, IDisposable
{
    private const int BusyTimeoutMs = 5000;
    private readonly string _connectionString;
    private readonly SemaphoreSlim _migrateGate = new(1, 1);
    private volatile bool _migrated;

    public SqliteSoftswitchStore(string databasePath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        string? directory = Path.GetDirectoryName(Path.GetFullPath(databasePath));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            ForeignKeys = true,
            DefaultTimeout = BusyTimeoutMs / 1000,
            Pooling = true,
        }.ToString();
    }

    public string DatabasePath => new SqliteConnectionStringBuilder(_connectionString).DataSource;

    /// <summary>
    /// Creates or upgrades the schema; safe to call on every start-up. The first operation of any kind also runs
    /// it, so nothing depends on the host calling it before the demo seeding or the first request.
    /// </summary>
    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        await _migrateGate.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await OpenRawAsync(cancellationToken);
            await SqliteSchema.MigrateAsync(connection, cancellationToken);
            _migrated = true;
        }
        finally
        {
            _migrateGate.Release();
        }
    }

    public void Dispose() => _migrateGate.Dispose();

    /// <summary>The highest applied schema version (0 on a fresh file).</summary>
    public async Task<int> GetSchemaVersionAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<int>(
            "SELECT COALESCE(MAX(version), 0) FROM schema_version;");
    }

    public async Task<IReadOnlyList<Customer>> LoadCustomersAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<CustomerRow>($"SELECT {CustomerRow.Columns} FROM customers;");
        return rows.Select(r => r.ToCustomer()).ToArray();
    }

    public async Task InsertCustomerAsync(Customer customer, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        using var transaction = connection.BeginTransaction(deferred: false);
        await InsertCustomerAsync(connection, transaction, customer);
        transaction.Commit();
    }

    public async Task UpdateCustomerAsync(Customer customer, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            $"UPDATE customers SET ({CustomerRow.Columns}) = ({CustomerRow.Parameters}) WHERE account = @Account;",
            CustomerRow.From(customer));
    }

    public async Task<bool> DeleteCustomerAsync(string account, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await connection.ExecuteAsync("DELETE FROM customers WHERE account = @account;", new { account }) > 0;
    }

    public async Task<IReadOnlyList<Phone>> LoadPhonesAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<PhoneRow>($"SELECT {PhoneRow.Columns} FROM phones;");
        return rows.Select(r => r.ToPhone()).ToArray();
    }

    public async Task InsertPhoneAsync(Phone phone, Customer? newAccount, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        using var transaction = connection.BeginTransaction(deferred: false);
        if (newAccount is not null)
        {
            await InsertCustomerAsync(connection, transaction, newAccount);
        }
        await connection.ExecuteAsync(
            $"INSERT INTO phones ({PhoneRow.Columns}) VALUES ({PhoneRow.Parameters});", PhoneRow.From(phone), transaction);
        transaction.Commit();
    }

    public async Task UpdatePhoneAsync(Phone phone, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            $"UPDATE phones SET {PhoneRow.Assignments} WHERE e164 = @E164;", PhoneRow.From(phone));
    }

    public async Task<bool> DeletePhoneAsync(string e164, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await connection.ExecuteAsync("DELETE FROM phones WHERE e164 = @e164;", new { e164 }) > 0;
    }

    /// <summary>
    /// The account row and, when it opens with money, its opening ledger row (docs/billing.md "Ledger"), keyed by
    /// the account and the ledger's next id so a later account of the same name gets its own key.
    /// </summary>
    private static async Task InsertCustomerAsync(SqliteConnection connection, SqliteTransaction transaction, Customer customer)
    {
        await connection.ExecuteAsync(
            $"INSERT INTO customers ({CustomerRow.Columns}) VALUES ({CustomerRow.Parameters});",
            CustomerRow.From(customer), transaction);
        decimal money = Billing.Money.From(customer.Money);
        if (money != 0)
        {
            long next = await connection.ExecuteScalarAsync<long>("SELECT COALESCE(MAX(id), 0) + 1 FROM ledger;", transaction: transaction);
            await LedgerRows.AppendAsync(connection, transaction, customer.Account, Billing.LedgerKind.Opening, money, money,
                customer.StartTime, $"open:{customer.Account}:{next}");
        }
    }

    /// <summary>
    /// An open connection on the migrated database, for the other stores of Core (CDRs, gateways, …) that share
    /// this file. The caller disposes it.
    /// </summary>
    public Task<SqliteConnection> OpenConnectionAsync(CancellationToken cancellationToken = default) => OpenAsync(cancellationToken);

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        if (!_migrated)
        {
            await MigrateAsync(cancellationToken);
        }
        return await OpenRawAsync(cancellationToken);
    }

    private async Task<SqliteConnection> OpenRawAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        // Per-connection settings: the connection string's ForeignKeys covers foreign_keys, busy_timeout is not in it.
        await connection.ExecuteAsync($"PRAGMA busy_timeout = {BusyTimeoutMs}; PRAGMA foreign_keys = ON;");
        return connection;
    }
}
