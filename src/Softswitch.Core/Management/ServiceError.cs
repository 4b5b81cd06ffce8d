namespace Softswitch.Core.Management;

/// <summary>
/// Why a management operation was refused. Validation never throws (docs/architecture.md "Errors"): services return one
/// of these with the offending field named, and the API layer maps each to its wire code (docs/api-errors.md).
/// </summary>
public enum ServiceError
{
    None = 0,

    /// <summary>A mandatory field (M in the manual's tables, 001_… §3) is absent or empty.</summary>
    MissingField,

    /// <summary>A value lies outside the range or enumeration the manual gives, or is too long (§3 conventions).</summary>
    OutOfRange,

    /// <summary>The referenced object (account, phone, agent) does not exist.</summary>
    NotFound,

    /// <summary>The object to create already exists (account and e164 are unique, 001_… §3.1, §3.6).</summary>
    Duplicate,

    /// <summary>The object is still referenced (a customer with phones or sub-accounts).</summary>
    DependencyExists,

    /// <summary>The request is valid but the switch cannot carry it out (yet): nothing was done, nothing stored.</summary>
    NotAvailable,
}
