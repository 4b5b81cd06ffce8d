namespace Softswitch.Api.Endpoints.Customers;

/// <summary>FilterAgentAccount (001_… §3.4): only the sub-accounts of this agent.</summary>
public sealed record FilterAgentAccount
{
    [System.Text.Json.Serialization.JsonPropertyName("filterAgentAccount")]
    public string? Account { get; init; }

    /// <summary>0: all descendants, 1: direct sub-accounts only.</summary>
    public int? QuerySonMode { get; init; }
}
