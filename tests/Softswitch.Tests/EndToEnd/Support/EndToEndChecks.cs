using Microsoft.Extensions.DependencyInjection;
using Softswitch.Api.Hosting;

namespace Softswitch.Tests.EndToEnd.Support;

/// <summary>Checks shared by the call end-to-end tests.</summary>
public static class EndToEndChecks
{
    /// <summary>No live call, no relay session, every relay port back in the pool (waits up to 5 s for the call to wind down).</summary>
    public static async Task AssertNothingLeftAsync(SwitchHost host)
    {
        var engine = host.Services.GetRequiredService<SipHostedService>().Engine;
        for (int i = 0; i < 50 && (engine.B2bua.ActiveCalls > 0 || engine.Relay.ActiveSessions > 0); i++)
        {
            await Task.Delay(100);
        }
        Assert.That(engine.B2bua.ActiveCalls, Is.Zero, "live calls");
        Assert.That(engine.Relay.ActiveSessions, Is.Zero, "relay sessions");
        Assert.That(engine.Relay.Ports.Available, Is.EqualTo(engine.Relay.Ports.Capacity), "relay ports");
    }
}
