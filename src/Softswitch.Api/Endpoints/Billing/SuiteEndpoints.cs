using Softswitch.Api.Composition;
using Softswitch.Api.Vos;
using Softswitch.Core.Billing;

namespace Softswitch.Api.Endpoints.Billing;

/// <summary>
/// Suites, suite orders and suites in force (001_… §3.23-§3.31). Translation only: SuiteService and
/// SuiteOrderService decide.
/// </summary>
public static class SuiteEndpoints
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapVos<CreateSuiteRequest, SuiteService>("CreateSuite",
            new("3.23", "Create a suite (rent, minimum consumption, gift money and gift seconds); answers its id.")
            {
                Mandatory = ["name", "rentPeriod", "rentType", "nonholonomicOrder", "rentFee", "minConsumption", "lowerConsumption", "giftMoney"],
                Example = """{"name":"local-30","rentPeriod":1,"rentType":1,"nonholonomicOrder":false,"rentFee":30,"minConsumption":0,"lowerConsumption":0,"giftMoney":0,"infoGiftTimes":[{"prefix":"0086755","startTime":0,"endTime":86400,"giftTime":3600,"billingTime":60}]}""",
                Response = typeof(CreatedIdResponse),
            },
            async (request, suites, ct) =>
            {
                var result = await suites.CreateAsync(new SuiteInput
                {
                    Name = request.Name, RentPeriod = request.RentPeriod, RentType = request.RentType,
                    NonholonomicOrder = request.NonholonomicOrder, RentFee = request.RentFee,
                    MinConsumption = request.MinConsumption, LowerConsumption = request.LowerConsumption,
                    GiftMoney = request.GiftMoney, Memo = request.Memo,
                    GiftTimes = request.InfoGiftTimes?.Select(g => g is null ? null : new GiftTimeInput
                    {
                        Prefix = g.Prefix, StartTime = g.StartTime, EndTime = g.EndTime, GiftTime = g.GiftTime,
                        BillingTime = g.BillingTime, Memo = g.Memo,
                    }).ToArray(),
                }, ct);
                return result.IsSuccess ? new CreatedIdResponse { Id = result.Value } : VosResults.Fail(result);
            });

        group.MapVos<DeleteSuiteRequest, SuiteService>("DeleteSuite",
            new("3.24", "Delete a suite; refused while orders or suites in force use it, unless force is 1.")
            {
                Mandatory = ["id"],
                Example = """{"id":1,"force":0}""",
            },
            async (request, suites, ct) => VosResults.From(await suites.DeleteAsync(request.Id, request.Force, ct)));

        group.MapVos<GetSuiteRequest, SuiteService>("GetSuite",
            new("3.25", "Suites by id, or every suite when ids is absent.")
            {
                Example = """{"ids":[1]}""",
                Response = typeof(GetSuiteResponse),
            },
            async (request, suites, ct) => new GetSuiteResponse
            {
                InfoSuites = (await suites.QueryAsync(request.Ids, ct)).Select(ToInfo).ToArray(),
            });

        group.MapVos<SuiteOrderRequest, SuiteOrderService>("CreateSuiteOrder",
            new("3.26", "Order a suite for an account or phone; availableTime 0 (or a one-time suite) takes effect at once.")
            {
                Mandatory = ["ownerName", "ownerType", "suiteId", "availableTime"],
                Example = """{"ownerName":"acme","ownerType":2,"suiteId":1,"availableTime":0,"failedProcessMode":0,"rentPercent":100}""",
                Response = typeof(CreatedIdResponse),
            },
            async (request, orders, ct) =>
            {
                var result = await orders.CreateAsync(ToInput(request), ct);
                return result.IsSuccess ? new CreatedIdResponse { Id = result.Value } : VosResults.Fail(result);
            });

        group.MapVos<SuiteOrderRequest, SuiteOrderService>("ModifySuiteOrder",
            new("3.27", "Change an order's expiry, priority, failure mode, rent percentage or memo.")
            {
                Mandatory = ["id"],
                Example = """{"id":1,"priority":1,"memo":"renewed"}""",
            },
            async (request, orders, ct) => VosResults.From(await orders.ModifyAsync(ToInput(request), ct)));

        group.MapVos<IdRequest, SuiteOrderService>("DeleteSuiteOrder",
            new("3.28", "Delete a suite order (a suite it put in force runs to its expiry).")
            {
                Mandatory = ["id"],
                Example = """{"id":1}""",
            },
            async (request, orders, ct) => VosResults.From(await orders.DeleteAsync(request.Id, ct)));

        group.MapVos<SuiteOwnerRequest, SuiteOrderService>("GetSuiteOrder",
            new("3.29", "The suite orders of an account or phone.")
            {
                Mandatory = ["ownerName", "ownerType"],
                Example = """{"ownerName":"acme","ownerType":2}""",
                Response = typeof(GetSuiteOrderResponse),
            },
            async (request, orders, ct) =>
            {
                var result = await orders.QueryAsync(request.OwnerName, request.OwnerType, ct);
                return result.IsSuccess
                    ? new GetSuiteOrderResponse
                    {
                        InfoSuiteOrders = result.Value!.Select(o => new InfoSuiteOrder
                        {
                            Id = o.Id, SuiteId = o.SuiteId, AvailableTime = o.AvailableTime, ExpireTime = o.ExpireTime,
                            Priority = o.Priority, RentPercent = o.RentPercent, Memo = o.Memo,
                        }).ToArray(),
                    }
                    : VosResults.Fail(result);
            });

        group.MapVos<SuiteOwnerRequest, SuiteService>("GetCurrentSuite",
            new("3.30", "The suites in force of an account or phone.")
            {
                Mandatory = ["ownerName", "ownerType"],
                Example = """{"ownerName":"acme","ownerType":2}""",
                Response = typeof(GetCurrentSuiteResponse),
            },
            async (request, suites, ct) =>
            {
                var result = await suites.QueryCurrentAsync(request.OwnerName, request.OwnerType, ct);
                return result.IsSuccess
                    ? new GetCurrentSuiteResponse { InfoCurrentSuites = result.Value!.Select(ToInfo).ToArray() }
                    : VosResults.Fail(result);
            });

        group.MapVos<IdRequest, SuiteService>("DeleteCurrentSuite",
            new("3.31", "End a suite in force now.")
            {
                Mandatory = ["id"],
                Example = """{"id":1}""",
            },
            async (request, suites, ct) => VosResults.From(await suites.DeleteCurrentAsync(request.Id, ct)));
    }

    private static SuiteOrderInput ToInput(SuiteOrderRequest r) => new()
    {
        Id = r.Id, OwnerName = r.OwnerName, OwnerType = r.OwnerType, SuiteId = r.SuiteId, AvailableTime = r.AvailableTime,
        ExpireTime = r.ExpireTime, Priority = r.Priority, FailedProcessMode = r.FailedProcessMode,
        RentPercent = r.RentPercent, Memo = r.Memo,
    };

    private static InfoSuite ToInfo(Suite s) => new()
    {
        Id = s.Id, Name = s.Name, RentPeriod = s.RentPeriod, RentType = (int)s.RentType,
        NonholonomicOrder = s.NonholonomicOrder, RentFee = s.RentFee, MinConsumption = s.MinConsumption,
        LowerConsumption = s.LowerConsumption, GiftMoney = s.GiftMoney, InfoGiftTimes = ToInfo(s.GiftTimes), Memo = s.Memo,
    };

    private static InfoCurrentSuite ToInfo(CurrentSuite c) => new()
    {
        Id = c.Id, SuiteId = c.Suite.Id, SuiteOrderId = c.SuiteOrderId, RentPeriod = c.Suite.RentPeriod,
        RentType = (int)c.Suite.RentType, RentFee = c.Suite.RentFee, ExpireTime = c.ExpireTime,
        MinConsumption = c.Suite.MinConsumption, CurrentConsumption = c.CurrentConsumption,
        LowerConsumption = c.Suite.LowerConsumption, GiftMoney = c.Suite.GiftMoney,
        InfoGiftTimes = ToInfo(c.Suite.GiftTimes), Memo = c.Suite.Memo,
    };

    private static InfoGiftTime[] ToInfo(IReadOnlyList<GiftTime> gifts) => gifts.Select(g => new InfoGiftTime
    {
        Prefix = g.Prefix, StartTime = g.StartTime, EndTime = g.EndTime, GiftTime = g.GiftTimeSeconds,
        BillingTime = g.BillingTime, Memo = g.Memo,
    }).ToArray();
}
