namespace Softswitch.Core.Accounts;

/// <summary>
/// GetCustomer selection (001_… §3.4): accounts, the accounts owning some e164s, and/or the sub-accounts of an
/// agent (all descendants, or direct ones only), optionally narrowed to one account type.
/// </summary>
public sealed record CustomerQuery
{
    public IReadOnlyList<string>? Accounts { get; init; }
    public IReadOnlyList<string>? E164s { get; init; }
    public string? AgentAccount { get; init; }

    /// <summary>querySonMode: 0 = all descendants, 1 = direct sub-accounts only.</summary>
    public int AgentQuerySonMode { get; init; }
    public int? Type { get; init; }
}
