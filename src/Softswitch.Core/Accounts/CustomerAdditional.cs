namespace Softswitch.Core.Accounts;

/// <summary>
/// InfoCustomerAdditional (001_… §3.1): contact and report settings. Every field is optional in the manual, so
/// null means "not set"; property names are the manual's so the bag round-trips through the API and the store.
/// </summary>
public sealed record CustomerAdditional
{
    public static readonly CustomerAdditional Empty = new();

    /// <summary>证件类型 0:ID card (default) 1:passport 2:military 3:work 4:student 5:other.</summary>
    public int? CardType { get; init; }
    public string? CardNumber { get; init; }
    public string? Address { get; init; }
    public string? PostCode { get; init; }
    public string? LinkMan { get; init; }
    public string? Telephone { get; init; }
    public string? Fax { get; init; }
    public string? Email { get; init; }
    public string? EmailCc { get; init; }
    public string? EmailBcc { get; init; }

    /// <summary>报表发送类型 0:none (default) 1:daily 2:weekly 3:monthly.</summary>
    public int? ReportType { get; init; }
    public string? CompanyName { get; init; }
    public string? Bank { get; init; }
}
