using Softswitch.Api.Vos;
using Softswitch.Core.Accounts;

namespace Softswitch.Api.Endpoints;

/// <summary>Account interfaces, 001_… §3.1-§3.4. Translation only: every decision is CustomerService's.</summary>
public static class CustomerEndpoints
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapPost("/CreateCustomer", (HttpContext context, CustomerService customers) =>
            VosPipeline.HandleAsync(context, async (body, ct) =>
            {
                if (body.Read(out CustomerRequest request, "account", "name") is { } error)
                {
                    return error;
                }
                return VosResults.From(await customers.CreateAsync(request.Account, request.ToChanges(), ct));
            }));

        group.MapPost("/ModifyCustomer", (HttpContext context, CustomerService customers) =>
            VosPipeline.HandleAsync(context, async (body, ct) =>
            {
                if (body.Read(out CustomerRequest request, "account") is { } error)
                {
                    return error;
                }
                return VosResults.From(await customers.ModifyAsync(request.Account, request.ToChanges(), ct));
            }));

        group.MapPost("/DeleteCustomer", (HttpContext context, CustomerService customers) =>
            VosPipeline.HandleAsync(context, async (body, ct) =>
            {
                if (body.Read(out AccountRequest request, "account") is { } error)
                {
                    return error;
                }
                return VosResults.From(await customers.DeleteAsync(request.Account, ct));
            }));

        group.MapPost("/GetCustomer", (HttpContext context, CustomerService customers) =>
            VosPipeline.HandleAsync(context, (body, _) =>
            {
                var error = body.Read(out GetCustomerRequest request)
                    ?? body.RequireIn("filterAgentAccount", "filterAgentAccount", "querySonMode");
                if (error is not null)
                {
                    return Task.FromResult(error);
                }
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
            }));
    }
}
