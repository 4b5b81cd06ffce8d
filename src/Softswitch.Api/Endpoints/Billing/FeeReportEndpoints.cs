using Softswitch.Api.Composition;
using Softswitch.Api.Vos;
using Softswitch.Core.Billing;

namespace Softswitch.Api.Endpoints.Billing;

/// <summary>Fee reports over CDRs, 001_… §3.48-§3.50. Translation only: FeeReportService decides.</summary>
public static class FeeReportEndpoints
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapVos<FeeReportRequest, FeeReportService>("GetReportCustomerFee",
            new("3.48", "Per-account fee totals by period (days, or -2 for months) over a day range.")
            {
                Mandatory = ["accounts", "period", "beginTime", "endTime"],
                Example = """{"accounts":["acme"],"period":1,"beginTime":"20260101","endTime":"20260131"}""",
                Response = typeof(GetReportCustomerFeeResponse),
            },
            async (request, reports, ct) =>
            {
                var result = await reports.CustomerAsync(request.Accounts, request.Period, request.BeginTime, request.EndTime, ct);
                return result.IsSuccess
                    ? new GetReportCustomerFeeResponse { InfoReportCustomerFees = result.Value!.Select(InfoReportCustomerFee.From).ToArray() }
                    : VosResults.Fail(result);
            });

        group.MapVos<FeeReportRequest, FeeReportService>("GetReportPhoneFee",
            new("3.49", "Per-phone fee totals of an account by period over a day range.")
            {
                Mandatory = ["account", "period", "beginTime", "endTime"],
                Example = """{"account":"acme","e164s":["1001"],"period":-2,"beginTime":"20260101","endTime":"20261231"}""",
                Response = typeof(GetReportPhoneFeeResponse),
            },
            async (request, reports, ct) =>
            {
                var result = await reports.PhoneAsync(request.Account, request.E164s, request.Period, request.BeginTime, request.EndTime, ct);
                return result.IsSuccess
                    ? new GetReportPhoneFeeResponse { InfoReportPhoneFees = result.Value!.Select(InfoReportPhoneFee.From).ToArray() }
                    : VosResults.Fail(result);
            });

        group.MapVos<FeeReportRequest, FeeReportService>("GetReportCustomerLocationFee",
            new("3.50", "Per-area fee totals of an account by period over a day range.")
            {
                Mandatory = ["account", "period", "beginTime", "endTime"],
                Example = """{"account":"acme","period":7,"beginTime":"20260101","endTime":"20260131"}""",
                Response = typeof(GetReportCustomerLocationFeeResponse),
            },
            async (request, reports, ct) =>
            {
                var result = await reports.LocationAsync(request.Account, request.AreaCode, request.Period, request.BeginTime, request.EndTime, ct);
                return result.IsSuccess
                    ? new GetReportCustomerLocationFeeResponse
                    {
                        InfoReportCustomerLocationFees = result.Value!.Select(InfoReportCustomerLocationFee.From).ToArray(),
                    }
                    : VosResults.Fail(result);
            });
    }
}
