using Microsoft.Extensions.Options;
using Softswitch.Core.Accounts;
using Softswitch.Core.Phones;

namespace Softswitch.Api.Hosting;

/// <summary>
/// First start: creates the demo account and phones 1001/1002 (run contract, docs/architecture.md); every start: finds
/// them again so the banner can print their credentials. Runs after the store is loaded and before SIP starts.
/// </summary>
public sealed class DemoSeeder(
    IOptions<DemoOptions> options,
    CustomerService customers,
    PhoneService phones,
    DemoCredentials credentials) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }
        var created = await DemoData.EnsureAsync(customers, phones, cancellationToken);
        credentials.Account = DemoData.Account;
        foreach (var phone in created)
        {
            credentials.Phones.Add((phone.E164, phone.Password));
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
