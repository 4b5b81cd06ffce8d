using Softswitch.Api.Composition;
using Softswitch.Api.Endpoints.Shared;
using Softswitch.Api.Vos;
using Softswitch.Core.Billing;

namespace Softswitch.Api.Endpoints.Billing;

/// <summary>
/// Fee-rate groups and rates (费率), 001_… §3.40-§3.44, plus the rate writes the manual lacks (extensions, documented
/// in docs/billing.md). Translation only: FeeRateService decides.
/// </summary>
public static class FeeRateEndpoints
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapVos<NamesRequest, FeeRateService>("GetFeeRateGroup",
            new("3.40", "Query fee-rate groups by name; without names, all of them.")
            {
                Example = """{"names":["standard"]}""",
                Response = typeof(GetFeeRateGroupResponse),
            },
            (request, rates, _) => Task.FromResult<VosResponse>(new GetFeeRateGroupResponse
            {
                InfoFeeRateGroups = rates.QueryGroups(request.Names)
                    .Select(g => new InfoFeeRateGroup { Name = g.Name, FakeMinute = g.FakeMinute, Memo = g.Memo }).ToArray(),
            }));

        group.MapVos<FeeRateGroupRequest, FeeRateService>("CreateFeeRateGroup",
            new("3.41", "Create a fee-rate group (its rates come from CreateFeeRate or ImportFeeRates).")
            {
                Mandatory = ["name"],
                Example = """{"name":"standard","fakeMinute":60,"memo":"retail rates"}""",
            },
            async (request, rates, ct) => VosResults.From(await rates.CreateGroupAsync(request.Name, request.FakeMinute, request.Memo, ct)));

        group.MapVos<FeeRateGroupRequest, FeeRateService>("ModifyFeeRateGroup",
            new("3.42", "Change a fee-rate group's fakeMinute or memo.")
            {
                Mandatory = ["name"],
                Example = """{"name":"standard","memo":"retail rates 2026"}""",
            },
            async (request, rates, ct) => VosResults.From(await rates.ModifyGroupAsync(request.Name, request.FakeMinute, request.Memo, ct)));

        group.MapVos<FeeRateGroupRequest, FeeRateService>("DeleteFeeRateGroup",
            new("3.43", "Delete a fee-rate group (with its rates) that no account, phone or unused card names.")
            {
                Mandatory = ["name"],
                Example = """{"name":"standard"}""",
            },
            async (request, rates, ct) => VosResults.From(await rates.DeleteGroupAsync(request.Name, ct)));

        group.MapVos<GetFeeRateRequest, FeeRateService>("GetFeeRate",
            new("3.44", "List a group's rates with their sections, optionally only some areas.")
            {
                Mandatory = ["feeRateGroup"],
                Example = """{"feeRateGroup":"standard","areaCodes":["86755"]}""",
                Response = typeof(GetFeeRateResponse),
            },
            (request, rates, _) =>
            {
                var result = rates.QueryRates(request.FeeRateGroup, request.AreaCodes);
                return Task.FromResult<VosResponse>(result.IsSuccess
                    ? new GetFeeRateResponse { InfoFeeRates = result.Value!.Select(ToInfo).ToArray() }
                    : VosResults.Fail(result));
            });

        group.MapVos<FeeRateRequest, FeeRateService>("CreateFeeRate",
            new("3.44", "Add a rate to a group (extension: the manual has no rate writes).")
            {
                Mandatory = ["feeRateGroup", "feePrefix", "type", "fee", "period"],
                Example = """{"feeRateGroup":"standard","feePrefix":"0086755","areaCode":"86755","type":4,"areaName":"Shenzhen","fee":0.12,"period":60,"infoFeeRateSections":[{"fee":0.05,"time":30,"position":0}]}""",
                Extension = true,
            },
            async (request, rates, ct) => VosResults.From(await rates.CreateRateAsync(request.FeeRateGroup, ToInput(request), ct)));

        group.MapVos<FeeRateRequest, FeeRateService>("ModifyFeeRate",
            new("3.44", "Change the given fields of a rate (extension).")
            {
                Mandatory = ["feeRateGroup", "feePrefix"],
                Example = """{"feeRateGroup":"standard","feePrefix":"0086755","fee":0.1}""",
                Extension = true,
            },
            async (request, rates, ct) => VosResults.From(await rates.ModifyRateAsync(request.FeeRateGroup, ToInput(request), ct)));

        group.MapVos<FeeRateRequest, FeeRateService>("DeleteFeeRate",
            new("3.44", "Remove rates from a group by feePrefix, all or none (extension).")
            {
                Mandatory = ["feeRateGroup", "feePrefixes"],
                Example = """{"feeRateGroup":"standard","feePrefixes":["0086755"]}""",
                Extension = true,
            },
            async (request, rates, ct) => VosResults.From(await rates.DeleteRatesAsync(request.FeeRateGroup, request.FeePrefixes, ct)));

        group.MapVos<ImportFeeRatesRequest, FeeRateService>("ImportFeeRates",
            new("3.44", "Import rates from CSV text; one bad line refuses the whole import (extension, docs/billing.md).")
            {
                Mandatory = ["feeRateGroup", "csv"],
                Example = """{"feeRateGroup":"standard","csv":"feePrefix,areaCode,areaName,type,fee,period\n0086,86,China,5,0.2,60\n0086755,86755,Shenzhen,4,0.12,60\n"}""",
                Response = typeof(ImportFeeRatesResponse),
                Extension = true,
            },
            async (request, rates, ct) =>
            {
                var result = await rates.ImportAsync(request.FeeRateGroup, request.Csv, request.Replace ?? false, ct);
                return result.IsSuccess ? new ImportFeeRatesResponse { Count = result.Value } : VosResults.Fail(result);
            });
    }

    private static FeeRateInput ToInput(FeeRateRequest r) => new()
    {
        FeePrefix = r.FeePrefix,
        AreaCode = r.AreaCode,
        Type = r.Type,
        AreaName = r.AreaName,
        Sections = r.InfoFeeRateSections?.Select(s => s is null ? null : new FeeRateSectionInput(s.Fee, s.Time, s.Position)).ToArray(),
        Fee = r.Fee,
        Period = r.Period,
        LockType = r.LockType,
        IvrFee = r.IvrFee,
        IvrPeriod = r.IvrPeriod,
    };

    private static InfoFeeRate ToInfo(FeeRate r) => new()
    {
        FeePrefix = r.FeePrefix,
        AreaCode = r.AreaCode,
        Type = (int)r.Type,
        AreaName = r.AreaName,
        InfoFeeRateSections = r.Sections.Select(s => new InfoFeeRateSection { Fee = s.Fee, Time = s.Time, Position = s.Position }).ToArray(),
        Fee = r.Fee,
        Period = r.Period,
        LockType = r.LockType,
        IvrFee = r.IvrFee,
        IvrPeriod = r.IvrPeriod,
    };
}
