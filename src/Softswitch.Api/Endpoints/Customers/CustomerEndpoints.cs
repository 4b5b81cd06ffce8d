using Softswitch.Api.Composition;
using Softswitch.Api.Vos;
using Softswitch.Api.Vos.Catalog;
using Softswitch.Core.Accounts;

namespace Softswitch.Api.Endpoints.Customers;

/// <summary>Account interfaces, 001_… §3.1-§3.4. Translation only: every decision is CustomerService's.</summary>
public static class CustomerEndpoints
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapVos<CustomerRequest, CustomerService>("CreateCustomer",
            new("3.1", "Create an account (customer).")
            {
                Mandatory = ["account", "name"],
                Example = """{"account":"acme","name":"Acme Ltd","money":100,"limitMoney":0,"memo":"test page"}""",
            },
            async (request, customers, ct) =>
                VosResults.From(await customers.CreateAsync(request.Account, request.Changes(), ct)));

        group.MapVos<CustomerRequest, CustomerService>("ModifyCustomer",
            new("3.2", "Modify an account; absent fields keep their value, money is ignored (use Pay).")
            {
                Mandatory = ["account"],
                Example = """{"account":"acme","name":"Acme Limited","memo":"renamed"}""",
            },
            async (request, customers, ct) =>
                VosResults.From(await customers.ModifyAsync(request.Account, request.Changes(), ct)));

        group.MapVos<AccountRequest, CustomerService>("DeleteCustomer",
            new("3.3", "Delete an account that has no phones left.")
            {
                Mandatory = ["account"],
                Example = """{"account":"acme"}""",
            },
            async (request, customers, ct) => VosResults.From(await customers.DeleteAsync(request.Account, ct)));

        group.MapVos<GetCustomerRequest, CustomerService>("GetCustomer",
            new("3.4", "Query accounts by account, by bound E164, or by agent.")
            {
                Mandatory = ["filterAgentAccount.filterAgentAccount", "filterAgentAccount.querySonMode"],
                Example = """{"accounts":["acme"]}""",
                Response = typeof(GetCustomerResponse),
            },
            (request, customers, _) =>
            {
                var result = customers.Query(new CustomerQuery
                {
                    Accounts = request.Accounts,
                    E164s = request.E164s,
                    AgentAccount = request.FilterAgentAccount?.Account,
                    AgentQuerySonMode = request.FilterAgentAccount?.QuerySonMode ?? 0,
                    Type = request.Type,
                });
                VosResponse response = result.IsSuccess
                    ? new GetCustomerResponse
                    {
                        InfoCustomers = result.Value!
                            .Select(c => InfoCustomer.From(c, customers.CategoryOf(c.Account)))
                            .ToArray(),
                    }
                    : VosResults.Fail(result);
                return Task.FromResult(response);
            });
    }
}
