namespace Softswitch.Core.Routing;

/// <summary>The length condition that may end an original (vos-routing §1: L &lt;, E =, G &gt;, F ≠ count).</summary>
public enum DialPlanLength
{
    None = 0,
    Less,
    Equal,
    Greater,
    NotEqual,
}
