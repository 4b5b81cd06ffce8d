namespace Softswitch.Core.Gateways;

/// <summary>
/// ProportionCalleePrefix (001_… §3.11): add <see cref="AddPrefix"/> to the callee on this share of the calls.
/// Both fields are M; they are nullable only so a missing one is reported by name instead of read as 0.
/// </summary>
public sealed record ProportionCalleePrefix
{
    /// <summary>比例值 (weight, >= 0).</summary>
    public int? Proportion { get; init; }

    /// <summary>添加前缀.</summary>
    public string? AddPrefix { get; init; }
}
