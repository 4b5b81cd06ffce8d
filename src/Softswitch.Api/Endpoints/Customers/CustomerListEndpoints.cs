using Softswitch.Api.Composition;
using Softswitch.Api.Vos;
using Softswitch.Core.Accounts;

namespace Softswitch.Api.Endpoints.Customers;

/// <summary>GetAllCustomers (001_… §3.65, also listed as §3.5). Translation only: CustomerService lists.</summary>
public static class CustomerListEndpoints
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapVos<GetAllCustomersRequest, CustomerService>("GetAllCustomers",
            new("3.5", "List every account: type 0 (default) the account names, type 1 brief balances.")
            {
                Example = """{"type":1}""",
                Response = typeof(GetAllCustomersResponse),
            },
            (request, customers, _) =>
            {
                var result = customers.All(request.Type);
                if (!result.IsSuccess)
                {
                    return Task.FromResult(VosResults.Fail(result));
                }
                var all = result.Value!;
                return Task.FromResult<VosResponse>(request.Type == 1
                    ? new GetAllCustomersResponse { InfoCustomerBriefs = all.Select(c => new InfoCustomerBrief(c.Account, c.Money, c.LimitMoney)).ToArray() }
                    : new GetAllCustomersResponse { Accounts = all.Select(c => c.Account).ToArray() });
            });
}
