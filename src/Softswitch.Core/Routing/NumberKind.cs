namespace Softswitch.Core.Routing;

/// <summary>
/// The caller/calleeE164Check* classes (001_… §3.11 城市号码 / 移动号码 / 非城市与非移动), told apart with the
/// mobile-area table (docs/routing.md "Number types").
/// </summary>
public enum NumberKind
{
    City = 0,
    Mobile = 1,
    Other = 2,
}
