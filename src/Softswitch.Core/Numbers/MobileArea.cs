namespace Softswitch.Core.Numbers;

/// <summary>
/// A mobile number block and the area it belongs to (手机地区, 001_… §3.90 InfoMobileArea): the first seven digits of
/// a mobile number (e.g. 1300000) and the area code (e.g. 10 for Beijing), used by checkMobileArea and
/// rewriteRulesInMobileArea on gateways and phones.
/// </summary>
public sealed record MobileArea(string MobilePrefix, string AreaCode, string AreaName, string Memo)
{
    /// <summary>The manual fixes the prefix at seven digits (§3.90 "必须为 7 位数字").</summary>
    public const int PrefixLength = 7;
}
