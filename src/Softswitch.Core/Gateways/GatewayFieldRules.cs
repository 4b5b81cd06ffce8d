using System.Net;
using Softswitch.Core.Management;
using Softswitch.Core.Numbers;

namespace Softswitch.Core.Gateways;

/// <summary>Checks shared by mapping and routing gateways (001_… §3.11, §3.16).</summary>
internal static class GatewayFieldRules
{
    /// <summary>Payload types RFC 2833 events may use: the RTP payload type field is 7 bits (RFC 3550 §5.1).</summary>
    public const int MaxPayloadType = 127;

    public static ServiceResult? Long(string? value, string field) => FieldRules.Length(value, field, FieldRules.LongStringMax);

    /// <summary>The DTMF enumerations, identical for both gateway kinds.</summary>
    public static ServiceResult? Dtmf(int? sendH323, int? sendSip, int? receive, int? ptH323, int? ptSip, int? ptReceive) =>
        FieldRules.OneOf(sendH323, "dtmfSendMethodH323", 0, 10, 20, 30, 40, 60)
        ?? FieldRules.OneOf(sendSip, "dtmfSendMethodSIP", 0, 10, 50, 60)
        ?? FieldRules.OneOf(receive, "dtmfReceiveMethod", 0, 10, 20, 30)
        ?? FieldRules.Range(ptH323, "dtmfSendPayloadTypeH323", 0, MaxPayloadType)
        ?? FieldRules.Range(ptSip, "dtmfSendPayloadTypeSIP", 0, MaxPayloadType)
        ?? FieldRules.Range(ptReceive, "dtmfReceivePayloadType", 0, MaxPayloadType);

    /// <summary>The G.729/G.723 negotiation enumerations and the codec lists.</summary>
    public static ServiceResult? Codecs(int? h323G729, int? sipG729, int? annexb, int? annexa,
        IReadOnlyList<string>? h323Codecs, IReadOnlyList<string>? sipCodecs) =>
        FieldRules.Range(h323G729, "h323G729SendMode", 0, 3)
        ?? FieldRules.Range(sipG729, "sipG729SendMode", 0, 3)
        ?? FieldRules.Range(annexb, "sipG729Annexb", 0, 4)
        ?? FieldRules.Range(annexa, "sipG723Annexa", 0, 4)
        ?? Names(h323Codecs, "h323Codecs")
        ?? Names(sipCodecs, "sipCodecs");

    /// <summary>
    /// maxCallDurationLower/Upper (§3.11): each is > 0, or -1 (system parameter) or 0 (no limit), and -1 / 0 must be
    /// given on both alike ("需与 … 保持一致"); checked on the merged gateway so a Modify of one side is judged
    /// against the stored other side. A lower bound above the upper one is refused too.
    /// </summary>
    public static ServiceResult? CallDuration(int lower, int upper)
    {
        if (lower < -1 || upper < -1)
        {
            return ServiceResult.Fail(ServiceError.OutOfRange, lower < -1 ? "maxCallDurationLower" : "maxCallDurationUpper",
                "Fields 'maxCallDurationLower'/'maxCallDurationUpper' must be -1, 0 or positive.");
        }
        if ((lower <= 0 || upper <= 0) && lower != upper)
        {
            return ServiceResult.Fail(ServiceError.OutOfRange, "maxCallDurationLower",
                "Fields 'maxCallDurationLower' and 'maxCallDurationUpper' must both be -1 or both be 0 when either is.");
        }
        return lower > upper
            ? ServiceResult.Fail(ServiceError.OutOfRange, "maxCallDurationLower",
                "Field 'maxCallDurationLower' must not exceed 'maxCallDurationUpper'.")
            : null;
    }

    /// <summary>A comma list of dialled-number prefixes: the characters an e164 may hold.</summary>
    public static ServiceResult? Prefixes(string? list, string field) =>
        Long(list, field) ?? GatewayLists.Split(list).Select(p => NumberText(p, field)).FirstOrDefault(r => r is not null);

    /// <summary>A comma list of "&lt;a&gt;:&lt;b&gt;" pairs of numbers (callFailedSipCode, denyCallerCallee).</summary>
    public static ServiceResult? Pairs(string? list, string field, bool digitsOnly)
    {
        if (Long(list, field) is { } tooLong)
        {
            return tooLong;
        }
        foreach (string item in GatewayLists.Split(list))
        {
            string[] parts = item.Split(':');
            bool ok = parts.Length == 2 && parts.All(p => p.Length > 0 &&
                (digitsOnly ? p.All(char.IsAsciiDigit) : NumberText(p, field) is null));
            if (!ok)
            {
                return ServiceResult.Fail(ServiceError.OutOfRange, field,
                    $"Field '{field}' must be a comma list of <{(digitsOnly ? "code" : "number")}>:<{(digitsOnly ? "code" : "number")}> pairs, not '{item}'.");
            }
        }
        return null;
    }

    /// <summary>A comma list of IP addresses, each optionally with a port (for sipAuthenticationMethod 1).</summary>
    public static ServiceResult? Addresses(string? list, string field)
    {
        if (Long(list, field) is { } tooLong)
        {
            return tooLong;
        }
        foreach (string item in GatewayLists.Split(list))
        {
            if (!IPAddress.TryParse(item, out _) && !IPEndPoint.TryParse(item, out _))
            {
                return ServiceResult.Fail(ServiceError.OutOfRange, field, $"Field '{field}' holds '{item}', which is not an IP address.");
            }
        }
        return null;
    }

    /// <summary>A host name or IP address, optionally with a port; empty allowed (routing remoteIp, localIp).</summary>
    public static ServiceResult? Host(string? value, string field)
    {
        if (string.IsNullOrEmpty(value) || IPAddress.TryParse(value, out _) || IPEndPoint.TryParse(value, out _))
        {
            return FieldRules.Length(value, field);
        }
        int colon = value.LastIndexOf(':');
        string host = colon > 0 && int.TryParse(value.AsSpan(colon + 1), out int port) && port is > 0 and <= 65535
            ? value[..colon]
            : value;
        return Uri.CheckHostName(host) == UriHostNameType.Dns && host.Length <= FieldRules.StringMax
            ? null
            : ServiceResult.Fail(ServiceError.OutOfRange, field, $"Field '{field}' is not a host name or IP address.");
    }

    /// <summary>
    /// Where a routing gateway's INVITEs go (docs/routing.md): a host as <see cref="Host"/> allows, optionally followed
    /// by ";transport=udp" or ";transport=tcp". Only an IP address is routed to (Core resolves no names).
    /// </summary>
    public static ServiceResult? SignalAddress(string? value, string field)
    {
        int semicolon = value?.IndexOf(';', StringComparison.Ordinal) ?? -1;
        if (semicolon < 0)
        {
            return Host(value, field);
        }
        string parameter = value![(semicolon + 1)..].Trim();
        return parameter.Equals("transport=udp", StringComparison.OrdinalIgnoreCase) || parameter.Equals("transport=tcp", StringComparison.OrdinalIgnoreCase)
            ? Host(value[..semicolon].Trim(), field) ?? FieldRules.Length(value, field)
            : ServiceResult.Fail(ServiceError.OutOfRange, field, $"Field '{field}' may end only in ;transport=udp or ;transport=tcp.");
    }

    /// <summary>Every group in a comma list must be a limit-number group (号码群组, §3.67).</summary>
    public static ServiceResult? Groups(NumberState numbers, string? list, string field)
    {
        foreach (string group in GatewayLists.Split(list))
        {
            if (numbers.FindLimitE164Group(group) is null)
            {
                return ServiceResult.Fail(ServiceError.NotFound, field, $"Number group '{group}' does not exist ({field}).");
            }
        }
        return null;
    }

    public static ServiceResult? ProportionPrefixes(IReadOnlyList<ProportionCalleePrefix>? list)
    {
        for (int i = 0; i < (list?.Count ?? 0); i++)
        {
            string p = $"proportionCalleePrefixs[{i}].";
            var item = list![i];
            if (item is null)
            {
                return ServiceResult.Fail(ServiceError.MissingField, $"proportionCalleePrefixs[{i}]", $"Missing 'proportionCalleePrefixs[{i}]'.");
            }
            var invalid = (item.Proportion is null ? Missing(p + "proportion") : FieldRules.Range(item.Proportion, p + "proportion", 0, int.MaxValue))
                ?? (item.AddPrefix is null ? Missing(p + "addPrefix") : NumberText(item.AddPrefix, p + "addPrefix"));
            if (invalid is not null)
            {
                return invalid;
            }
        }
        return null;
    }

    public static ServiceResult? Missing(string field) =>
        ServiceResult.Fail(ServiceError.MissingField, field, $"Missing mandatory field '{field}'.");

    private static ServiceResult? Names(IReadOnlyList<string>? names, string field)
    {
        for (int i = 0; i < (names?.Count ?? 0); i++)
        {
            if (FieldRules.Required(names![i], $"{field}[{i}]") is { } bad)
            {
                return bad;
            }
        }
        return null;
    }

    /// <summary>Prefix text: letters, digits and + * # (what a dialled number may hold), at most 64 characters.</summary>
    internal static ServiceResult? NumberText(string value, string field) =>
        value.Length <= 64 && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '*' or '#')
            ? null
            : ServiceResult.Fail(ServiceError.OutOfRange, field,
                $"Field '{field}' may hold only letters, digits and + * # (at most 64), not '{value}'.");
}
