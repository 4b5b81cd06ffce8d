using Softswitch.Api.Endpoints.Billing;

namespace Softswitch.Api.Composition;

/// <summary>Maps the billing interfaces into the VOS3000 group.</summary>
public static class BillingEndpointRouteBuilderExtensions
{
    public static RouteGroupBuilder MapVosBilling(this RouteGroupBuilder group)
    {
        MoneyEndpoints.Map(group);
        FeeRateEndpoints.Map(group);
        FeeReportEndpoints.Map(group);
        SuiteEndpoints.Map(group);
        PhoneCardEndpoints.Map(group);
        return group;
    }
}
