using System.Globalization;
using Softswitch.Api.Composition;
using Softswitch.Api.Vos;
using Softswitch.Core.Billing;

namespace Softswitch.Api.Endpoints.Billing;

/// <summary>
/// Active phone cards (001_… §3.32-§3.35), recharge cards (GetPhoneCard §3.84, PayByPhoneCard §3.58,
/// PhoneCardActive §3.59) and the CreatePhoneCard extension. Translation only: ActivePhoneCardService and
/// PhoneCardService decide.
/// </summary>
public static class PhoneCardEndpoints
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapVos<ActivePhoneCardRequest, ActivePhoneCardService>("CreateActivePhoneCard",
            new("3.32", "Create a calling card billed to an account; without a password one is generated and answered.")
            {
                Mandatory = ["pin", "account"],
                Example = """{"pin":"80001234","account":"acme","password":"4321","displayE164":"1001","bindLimit":3}""",
                Response = typeof(CreateActivePhoneCardResponse),
            },
            async (request, cards, ct) =>
            {
                var result = await cards.CreateAsync(ToInput(request), ct);
                return result.IsSuccess
                    ? new CreateActivePhoneCardResponse
                    {
                        Password = result.Value is { } generated ? long.Parse(generated, CultureInfo.InvariantCulture) : null,
                    }
                    : VosResults.Fail(result);
            });

        group.MapVos<ActivePhoneCardRequest, ActivePhoneCardService>("ModifyActivePhoneCard",
            new("3.33", "Change the account, password, caller display, bind limit or memo of an active phone card.")
            {
                Mandatory = ["pin"],
                Example = """{"pin":"80001234","displayE164":"1002","memo":"moved"}""",
            },
            async (request, cards, ct) => VosResults.From(await cards.ModifyAsync(ToInput(request), ct)));

        group.MapVos<PinRequest, ActivePhoneCardService>("DeleteActivePhoneCard",
            new("3.34", "Delete an active phone card that has no bound numbers left.")
            {
                Mandatory = ["pin"],
                Example = """{"pin":"80001234"}""",
            },
            async (request, cards, ct) => VosResults.From(await cards.DeleteAsync(request.Pin, ct)));

        group.MapVos<GetActivePhoneCardRequest, ActivePhoneCardService>("GetActivePhoneCard",
            new("3.35", "Active phone cards by pin or by account.")
            {
                Example = """{"pins":["80001234"]}""",
                Response = typeof(GetActivePhoneCardResponse),
            },
            async (request, cards, ct) =>
            {
                var result = await cards.QueryAsync(request.Pins, request.Accounts, ct);
                return result.IsSuccess
                    ? new GetActivePhoneCardResponse
                    {
                        InfoActivePhoneCards = result.Value!.Select(c => new InfoActivePhoneCard
                        {
                            Pin = c.Pin, Account = c.Account, Password = c.Password, DisplayE164 = c.DisplayE164,
                            BindLimit = c.BindLimit, ActiveTime = c.ActiveTime, Memo = c.Memo,
                        }).ToArray(),
                    }
                    : VosResults.Fail(result);
            });

        group.MapVos<PayByPhoneCardRequest, PhoneCardService>("PayByPhoneCard",
            new("3.58", "Recharge the account of an account, phone, card, bound number or mapping gateway with a recharge card (once).")
            {
                Mandatory = ["ownerName", "ownerType", "pin"],
                Example = """{"ownerName":"acme","ownerType":2,"pin":"90000001","password":"123456","memo":"card"}""",
                Response = typeof(PayResponse),
            },
            async (request, cards, ct) => MoneyEndpoints.ToPayResponse(
                await cards.PayAsync(request.OwnerName, request.OwnerType, request.Pin, request.Password, request.Memo, ct)));

        group.MapVos<PhoneCardActiveRequest, PhoneCardService>("PhoneCardActive",
            new("3.59", "Open an account (and, as the card says, an active card, a phone, a bound number) from a recharge card.")
            {
                Mandatory = ["pin"],
                Example = """{"pin":"90000001","password":"123456","bindedE164":"13800000000"}""",
            },
            async (request, cards, ct) => VosResults.From(await cards.ActivateAsync(request.Pin, request.Password, request.BindedE164, ct)));

        group.MapVos<GetPhoneCardRequest, PhoneCardService>("GetPhoneCard",
            new("3.84", "A recharge card by pin (and password, when given).")
            {
                Mandatory = ["pin"],
                Example = """{"pin":"90000001","password":"123456"}""",
                Response = typeof(GetPhoneCardResponse),
            },
            async (request, cards, ct) =>
            {
                var result = await cards.GetAsync(request.Pin, request.Password, ct);
                return result.IsSuccess
                    ? new GetPhoneCardResponse
                    {
                        InfoPhoneCard = new InfoPhoneCard
                        {
                            Money = result.Value!.Money, LimitMoney = result.Value.LimitMoney,
                            BitsOfConfig = result.Value.BitsOfConfig, FeeRateGroup = result.Value.FeeRateGroup,
                            ExpireTime = result.Value.ExpireTime, UsedTime = result.Value.UsedTime,
                            UsedAccount = result.Value.UsedAccount, AgentAccount = result.Value.AgentAccount,
                            SuiteNames = result.Value.SuiteNames, Memo = result.Value.Memo,
                        },
                    }
                    : VosResults.Fail(result);
            });

        group.MapVos<CreatePhoneCardRequest, PhoneCardService>("CreatePhoneCard",
            new("3.84", "Create a recharge card (not in the manual, which only reads and uses cards).")
            {
                Mandatory = ["pin", "money", "bitsOfConfig"],
                Example = """{"pin":"90000001","password":"123456","money":50,"bitsOfConfig":144,"memo":"batch 7"}""",
                Extension = true,
            },
            async (request, cards, ct) => VosResults.From(await cards.CreateAsync(new PhoneCardInput
            {
                Pin = request.Pin, Password = request.Password, Money = request.Money, LimitMoney = request.LimitMoney,
                BitsOfConfig = request.BitsOfConfig, FeeRateGroup = request.FeeRateGroup, ExpireTime = request.ExpireTime,
                AgentAccount = request.AgentAccount, SuiteNames = request.SuiteNames, Memo = request.Memo,
            }, ct)));
    }

    private static ActivePhoneCardInput ToInput(ActivePhoneCardRequest r) => new()
    {
        Pin = r.Pin, Account = r.Account, Password = r.Password, DisplayE164 = r.DisplayE164, BindLimit = r.BindLimit,
        Memo = r.Memo,
    };
}
