using Softswitch.Core.Management;

namespace Softswitch.Core.Numbers;

/// <summary>Mobile areas (手机地区, 001_… §3.90-§3.92).</summary>
public sealed class MobileAreaService
{
    private readonly DirectoryState _directory;
    private readonly NumberState _numbers;

    public MobileAreaService(DirectoryState directory, NumberState numbers)
    {
        _directory = directory;
        _numbers = numbers;
    }

    /// <summary>
    /// CreateMobileArea (§3.90): every row is checked first, then all are written; a prefix that exists is
    /// overwritten ("与存在的信息冲突时，系统将使用当前数据覆盖原有数据"), and a prefix repeated in one request keeps the last.
    /// </summary>
    public async Task<ServiceResult> CreateAsync(IReadOnlyList<MobileArea?>? areas, CancellationToken cancellationToken = default)
    {
        if (areas is null or { Count: 0 })
        {
            return ServiceResult.Fail(ServiceError.MissingField, "infoMobileAreas", "Missing mandatory field 'infoMobileAreas'.");
        }
        for (int i = 0; i < areas.Count; i++)
        {
            if (Check(areas[i], $"infoMobileAreas[{i}].") is { } invalid)
            {
                return invalid;
            }
        }
        var rows = areas.Select(a => a!)
            .GroupBy(a => a.MobilePrefix, StringComparer.Ordinal)
            .Select(g => g.Last())
            .ToArray();
        await _numbers.LoadAsync(cancellationToken);
        using (await _directory.EnterWriteAsync(cancellationToken))
        {
            await _numbers.Store.UpsertMobileAreasAsync(rows, cancellationToken);
            Array.ForEach(rows, _numbers.PutMobileArea);
            return ServiceResult.Ok;
        }
    }

    /// <summary>DeleteMobileArea (§3.91): all named prefixes are removed, or none if one does not exist.</summary>
    public async Task<ServiceResult> DeleteAsync(IReadOnlyList<string?>? mobilePrefixes, CancellationToken cancellationToken = default)
    {
        if (mobilePrefixes is null or { Count: 0 })
        {
            return ServiceResult.Fail(ServiceError.MissingField, "mobilePrefixes", "Missing mandatory field 'mobilePrefixes'.");
        }
        await _numbers.LoadAsync(cancellationToken);
        using (await _directory.EnterWriteAsync(cancellationToken))
        {
            foreach (string? prefix in mobilePrefixes)
            {
                if (prefix is null || _numbers.FindMobileArea(prefix) is null)
                {
                    return ServiceResult.Fail(ServiceError.NotFound, "mobilePrefixes", $"Mobile prefix '{prefix}' not found.");
                }
            }
            var distinct = mobilePrefixes.Distinct(StringComparer.Ordinal).Select(p => p!).ToArray();
            await _numbers.Store.DeleteMobileAreasAsync(distinct, cancellationToken);
            Array.ForEach(distinct, _numbers.RemoveMobileArea);
            return ServiceResult.Ok;
        }
    }

    /// <summary>GetMobileArea (§3.92): one prefix (possibly none found), or all when none is given.</summary>
    public IReadOnlyList<MobileArea> Query(string? mobilePrefix) =>
        mobilePrefix is null
            ? _numbers.MobileAreas.OrderBy(a => a.MobilePrefix, StringComparer.Ordinal).ToArray()
            : _numbers.FindMobileArea(mobilePrefix) is { } area ? [area] : [];

    /// <summary>mobilePrefix exactly seven digits (§3.90), areaCode digits (北京 "10").</summary>
    private static ServiceResult? Check(MobileArea? area, string p)
    {
        if (area is null)
        {
            return ServiceResult.Fail(ServiceError.MissingField, p.TrimEnd('.'), $"Missing '{p.TrimEnd('.')}'.");
        }
        if ((FieldRules.Required(area.MobilePrefix, p + "mobilePrefix") ?? FieldRules.Required(area.AreaCode, p + "areaCode")) is { } missing)
        {
            return missing;
        }
        if (area.MobilePrefix.Length != MobileArea.PrefixLength || !area.MobilePrefix.All(char.IsAsciiDigit))
        {
            return ServiceResult.Fail(ServiceError.OutOfRange, p + "mobilePrefix", $"Field '{p}mobilePrefix' must be exactly 7 digits.");
        }
        if (area.AreaCode.Length > 8 || !area.AreaCode.All(char.IsAsciiDigit))
        {
            return ServiceResult.Fail(ServiceError.OutOfRange, p + "areaCode", $"Field '{p}areaCode' must be 1 to 8 digits.");
        }
        return FieldRules.Length(area.AreaName, p + "areaName") ?? FieldRules.Length(area.Memo, p + "memo");
    }
}
