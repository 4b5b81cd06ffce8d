using Softswitch.Api.Composition;
using Softswitch.Api.Vos;
using Softswitch.Core.Billing;

namespace Softswitch.Api.Endpoints.Billing;

/// <summary>
/// Payments, their history and other consumption (001_… §3.22, §3.46, §3.64) and the available-time queries
/// (§3.62-§3.63). Translation only: PaymentService and AvailableTimeService decide.
/// </summary>
public static class MoneyEndpoints
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapVos<PayRequest, PaymentService>("Pay",
            new("3.22", "Recharge (or, with a negative amount, debit) the account of an account, phone, card, bound number or mapping gateway.")
            {
                Mandatory = ["ownerName", "ownerType", "money"],
                Example = """{"ownerName":"acme","ownerType":2,"money":100.5,"memo":"bank transfer 0042"}""",
                Response = typeof(PayResponse),
            },
            async (request, payments, ct) =>
                ToPayResponse(await payments.PayAsync(request.OwnerName, request.OwnerType, request.Money, request.Memo, ct)));

        group.MapVos<AccountTimeRangeRequest, PaymentService>("GetPayHistory",
            new("3.46", "Payments of an account, or of every account under an agent, in a time range.")
            {
                Mandatory = ["beginTime", "endTime"],
                Example = """{"account":"acme","beginTime":"20260101000000","endTime":"20261231235959"}""",
                Response = typeof(GetPayHistoryResponse),
            },
            async (request, payments, ct) =>
            {
                var result = await payments.HistoryAsync(request.Account, request.AgentAccount, request.BeginTime, request.EndTime, ct);
                return result.IsSuccess
                    ? new GetPayHistoryResponse
                    {
                        InfoPayHistorys = result.Value!.Select(p => new InfoPayHistory
                        {
                            Account = p.Account, Fee = p.Fee, Type = p.Type, PayType = p.PayType,
                            CustomerMoney = p.CustomerMoney, PayTime = p.PayTime, Memo = p.Memo,
                        }).ToArray(),
                    }
                    : VosResults.Fail(result);
            });

        group.MapVos<GetAvailableTimeRequest, AvailableTimeService>("GetAvailableTime",
            new("3.62", "Seconds the payer can talk to a callee: spendable money at the longest matching rate.")
            {
                Mandatory = ["billingName", "billingMode", "calleeE164"],
                Example = """{"billingName":"1001","billingMode":0,"calleeE164":"0086755123456"}""",
                Response = typeof(GetAvailableTimeResponse),
            },
            (request, times, _) =>
            {
                var result = times.Query(request.BillingName, request.BillingMode, request.CalleeE164,
                    request.CalleeEndpointType, request.RoutingGateway, request.CalleeToGatewayE164);
                return Task.FromResult<VosResponse>(result.IsSuccess
                    ? new GetAvailableTimeResponse { InfoAvailableTime = ToInfo(result.Value!) }
                    : VosResults.Fail(result));
            });

        group.MapVos<GetIvrSecondAvailableTimeRequest, AvailableTimeService>("GetIvrSecondAvailableTime",
            new("3.63", "Seconds an IVR's second leg can last, after the first leg's cost so far.")
            {
                Mandatory = ["billingNumber", "billingType", "calleeE164", "firstE164"],
                Example = """{"billingNumber":"1001","billingType":3,"calleeE164":"0086755123456","firstE164":"0086755000001"}""",
                Response = typeof(GetIvrSecondAvailableTimeResponse),
            },
            (request, times, _) =>
            {
                var result = times.QueryIvrSecond(new IvrSecondQuery
                {
                    BillingNumber = request.BillingNumber, BillingType = request.BillingType, CalleeE164 = request.CalleeE164,
                    AccessE164 = request.AccessE164, MergeBillingType = request.MergeBillingType, MergeE164 = request.MergeE164,
                    FirstE164 = request.FirstE164, FirstConnectTime = request.FirstConnectTime, FirstStopTime = request.FirstStopTime,
                });
                return Task.FromResult<VosResponse>(result.IsSuccess
                    ? new GetIvrSecondAvailableTimeResponse { InfoIvrSecondAvailableTime = ToInfo(result.Value!) }
                    : VosResults.Fail(result));
            });

        group.MapVos<AccountTimeRangeRequest, PaymentService>("GetConsumption",
            new("3.64", "Non-call charges (suite rent …) of an account, or of every account under an agent, in a time range.")
            {
                Mandatory = ["beginTime", "endTime"],
                Example = """{"account":"acme","beginTime":"20260101000000","endTime":"20261231235959"}""",
                Response = typeof(GetConsumptionResponse),
            },
            async (request, payments, ct) =>
            {
                var result = await payments.ConsumptionsAsync(request.Account, request.AgentAccount, request.BeginTime, request.EndTime, ct);
                return result.IsSuccess
                    ? new GetConsumptionResponse
                    {
                        InfoConsumptions = result.Value!.Select(c => new InfoConsumption
                        {
                            Account = c.Account, Money = c.Money, CustomerMoney = c.CustomerMoney, Type = c.Type,
                            ConsumptionName = c.ConsumptionName, Time = c.Time,
                        }).ToArray(),
                    }
                    : VosResults.Fail(result);
            });
    }

    /// <summary>Pay and PayByPhoneCard answer alike (§3.22, §3.58).</summary>
    public static VosResponse ToPayResponse(Softswitch.Core.Management.ServiceResult<PayReceipt> result) =>
        result.IsSuccess
            ? new PayResponse
            {
                InfoPay = new InfoPay
                {
                    Account = result.Value!.Account, Money = result.Value.Money, ValidTime = result.Value.ValidTime,
                    PayMoney = result.Value.PayMoney,
                },
            }
            : VosResults.Fail(result);

    private static InfoAvailableTime ToInfo(AvailableTime t) => new()
    {
        Account = t.Account,
        AccountName = t.AccountName,
        AccountMoney = t.AccountMoney,
        TimeRemain = t.TimeRemain,
        TimeRemainRoutingGateway = t.TimeRemainRoutingGateway,
    };
}
