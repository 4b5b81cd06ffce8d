namespace Softswitch.Core.Routing;

/// <summary>
/// The outcome of compiling a dial-plan text: the plan, or the fault and the 1-based character position in the
/// text where it was found.
/// </summary>
public sealed record DialPlanParseResult(DialPlan? Plan, DialPlanFault Fault, int Position)
{
    public bool IsSuccess => Plan is not null;

    public static DialPlanParseResult Success(DialPlan plan) => new(plan, DialPlanFault.None, 0);

    public static DialPlanParseResult Failure(DialPlanFault fault, int position) => new(null, fault, position);

    /// <summary>"at position 7: a second ':' in one rule", the sentence the API answers with.</summary>
    public string Describe() =>
        IsSuccess ? "valid" : $"at position {Position}: {DialPlanFaults.Describe(Fault)}";
}
