using Softswitch.Core.Billing;
using Softswitch.Core.Numbers;

namespace Softswitch.Core.Routing;

/// <summary>
/// The pure number rules shared by phones, mapping and routing gateways (docs/routing.md): well-formedness of a
/// received number, length masks, prefix and number-group allow/deny lists, number types and areas with the
/// mobile-area table, and the call level. Lists are the manual's comma-separated text, walked without allocating.
/// </summary>
public static class NumberChecks
{
    /// <summary>Longest number accepted from the wire (dial plans are bounded to the same, DialPlanLimits).</summary>
    public const int MaxLength = 64;

    /// <summary>
    /// Why a number as received cannot be routed, or null when it can: empty (unless allowed), longer than
    /// <see cref="MaxLength"/>, or holding anything but digits, '*', '#' and one leading '+'. Letters are routing
    /// tags that only the switch's own rules add, never the caller.
    /// </summary>
    public static string? Malformed(string number, bool allowEmpty)
    {
        if (number.Length == 0)
        {
            return allowEmpty ? null : "is empty";
        }
        if (number.Length > MaxLength)
        {
            return $"has {number.Length} characters, at most {MaxLength} are accepted";
        }
        for (int i = 0; i < number.Length; i++)
        {
            char c = number[i];
            if (!(char.IsAsciiDigit(c) || c is '*' or '#' || (c == '+' && i == 0)))
            {
                return $"has '{(char.IsControl(c) ? '?' : c)}' at position {i + 1} where a digit belongs";
            }
        }
        return null;
    }

    /// <summary>caller/calleeAllowLength: bit x allows length x (x &lt; 32); 0 allows every length.</summary>
    public static bool LengthAllowed(int mask, int length) =>
        mask == 0 || (length < 32 && ((mask >> length) & 1) == 1);

    /// <summary>
    /// A prefix list with its Allow switch (callout*/callin*Prefixes): an empty list restricts nothing; otherwise a
    /// number starting with a listed prefix passes only when <paramref name="allow"/> is true, any other only when
    /// it is false.
    /// </summary>
    public static bool PrefixListAllows(string list, bool allow, ReadOnlySpan<char> number)
    {
        bool any = false;
        foreach (var range in list.AsSpan().Split(','))
        {
            var prefix = list.AsSpan(range).Trim();
            if (prefix.IsEmpty)
            {
                continue;
            }
            any = true;
            if (number.StartsWith(prefix, StringComparison.Ordinal))
            {
                return allow;
            }
        }
        return !any || !allow;
    }

    /// <summary>True when <paramref name="item"/> is one of the comma-separated items of <paramref name="list"/>.</summary>
    public static bool ListContains(string list, ReadOnlySpan<char> item)
    {
        foreach (var range in list.AsSpan().Split(','))
        {
            if (list.AsSpan(range).Trim().SequenceEqual(item))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>True when the list has at least one non-blank item.</summary>
    public static bool HasItems(string list) => !string.IsNullOrWhiteSpace(list) && list.AsSpan().ContainsAnyExcept(", \t");

    /// <summary>
    /// A number-group list with its Allow switch (*LimitE164Groups, §3.67-3.73): an empty list restricts nothing;
    /// otherwise a number in one of the groups passes only when <paramref name="allow"/> is true, any other only
    /// when it is false. Membership is exact.
    /// </summary>
    public static bool GroupsAllow(string groups, bool allow, string number, NumberState numbers)
    {
        bool any = false;
        foreach (var range in groups.AsSpan().Split(','))
        {
            var group = groups.AsSpan(range).Trim();
            if (group.IsEmpty)
            {
                continue;
            }
            any = true;
            if (numbers.IsInLimitE164Group(group.ToString(), number))
            {
                return allow;
            }
        }
        return !any || !allow;
    }

    /// <summary>
    /// Decided (docs/routing.md "Number types"): mobile when its first seven digits (after one leading trunk '0')
    /// are in the mobile-area table; city when it is '0' followed by an area code of that table (not "00"); other
    /// otherwise. <paramref name="area"/> is the area code of a city or mobile number.
    /// </summary>
    public static NumberKind Classify(string number, NumberState numbers, out string? area)
    {
        var digits = number.AsSpan();
        if (digits.Length >= 1 && digits[0] == '0' && !(digits.Length >= 2 && digits[1] == '0'))
        {
            if (MobileArea(digits[1..], numbers) is { } mobile)
            {
                area = mobile;
                return NumberKind.Mobile;
            }
            area = numbers.AreaCodePrefixOf(digits[1..]);
            return area is null ? NumberKind.Other : NumberKind.City;
        }
        area = MobileArea(digits, numbers);
        return area is null ? NumberKind.Other : NumberKind.Mobile;
    }

    /// <summary>caller/calleeE164Check*: with the check on, the number's kind must be one the flags allow.</summary>
    public static bool KindAllowed(NumberKind kind, bool city, bool mobile, bool other) => kind switch
    {
        NumberKind.City => city,
        NumberKind.Mobile => mobile,
        _ => other,
    };

    /// <summary>
    /// denySameCityCodes(Allow): a call whose caller and callee are in the same known area is a same-city call; an
    /// empty list restricts nothing; a listed area passes only when <paramref name="allow"/>, an unlisted one only
    /// when not.
    /// </summary>
    public static bool SameCityAllowed(string? callerArea, string? calleeArea, string codes, bool allow) =>
        callerArea is null || calleeArea is null || callerArea != calleeArea || !HasItems(codes)
        || ListContains(codes, callerArea) == allow;

    /// <summary>checkMobileArea(Allow): a mobile callee of a listed area passes only when allowed; unlisted, only when not.</summary>
    public static bool MobileAreaAllowed(NumberKind calleeKind, string? calleeArea, string codes, bool allow) =>
        calleeKind != NumberKind.Mobile || !HasItems(codes) || (calleeArea is not null && ListContains(codes, calleeArea)) == allow;

    /// <summary>
    /// callLevel against the rate type (vos-routing §4: international 5 &gt; national 4 &gt; local 2 &gt; on-net 1): the
    /// call passes when its level is at most the caller's.
    /// </summary>
    public static bool CallLevelAllows(int callLevel, FeeRateType rateType) => (int)rateType <= callLevel;

    /// <summary>The number without routing-tag letters (vos-routing §2: rating uses the number without tags).</summary>
    public static string StripTags(string number)
    {
        int letters = 0;
        foreach (char c in number)
        {
            if (char.IsAsciiLetter(c))
            {
                letters++;
            }
        }
        if (letters == 0)
        {
            return number;
        }
        return string.Create(number.Length - letters, number, static (span, source) =>
        {
            int j = 0;
            foreach (char c in source)
            {
                if (!char.IsAsciiLetter(c))
                {
                    span[j++] = c;
                }
            }
        });
    }

    /// <summary>
    /// rewriteRulesInMobileArea(Allow): decided, a mobile callee of a listed area (Allow true), or of any unlisted
    /// area (Allow false), gets "0" + its area code in front; an empty list changes nothing.
    /// </summary>
    public static string AddMobileArea(string callee, string codes, bool allow, NumberState numbers)
    {
        if (!HasItems(codes) || Classify(callee, numbers, out string? area) != NumberKind.Mobile || area is null
            || ListContains(codes, area) != allow || callee.StartsWith('0'))
        {
            return callee;
        }
        return string.Concat("0", area, callee);
    }

    private static string? MobileArea(ReadOnlySpan<char> digits, NumberState numbers) =>
        digits.Length >= Numbers.MobileArea.PrefixLength
            ? numbers.FindMobileArea(digits[..Numbers.MobileArea.PrefixLength].ToString())?.AreaCode
            : null;
}
