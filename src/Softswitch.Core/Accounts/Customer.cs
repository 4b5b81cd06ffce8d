using System.Text.Json.Serialization;

namespace Softswitch.Core.Accounts;

/// <summary>
/// A billing account (账户), 001_… §3.1 and InfoCustomer §3.4. Immutable: a write replaces the whole record in
/// memory, so readers on other threads always see a consistent account.
/// </summary>
public sealed record Customer
{
    public required string Account { get; init; }
    public required string Name { get; init; }
    public double Money { get; init; }
    public double LimitMoney { get; init; }

    /// <summary>Fee-rate group name; empty means none (§3.4).</summary>
    public string FeeRateGroup { get; init; } = "";
    public CustomerType Type { get; init; }
    public CustomerLockType LockType { get; init; }

    /// <summary>Parent agent's account; empty means none (§3.4).</summary>
    public string AgentAccount { get; init; } = "";
    public int PhoneBookLimit { get; init; }
    public bool Canceled { get; init; }

    /// <summary>Creation time, ms since 1970-01-01 UTC (§3.4 startTime).</summary>
    public long StartTime { get; init; }

    /// <summary>Expiry, ms since 1970-01-01 UTC; 0 = decided by the system parameter (§3.1 validTime).</summary>
    public long ValidTime { get; init; }
    public CtdBillingType CtdBillingType { get; init; }
    public string Memo { get; init; } = "";

    [JsonPropertyName("infoCustomerAdditional")]
    public CustomerAdditional Additional { get; init; } = CustomerAdditional.Empty;
}
