using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Softswitch.Tests.Api.Catalog;

/// <summary>The test page carries the switch's today (its local day, as GetCdr reads dates) for the examples' date ranges.</summary>
public sealed class VosTestPageTests
{
    [Test]
    public async Task ThePageCarriesTheSwitchsLocalDay()
    {
        // 23:30 UTC is already the next day two hours east: the page must say the switch's day, not UTC's.
        var time = new FakeTimeProvider(new DateTimeOffset(2027, 4, 15, 23, 30, 0, TimeSpan.Zero));
        time.SetLocalTimeZone(TimeZoneInfo.CreateCustomTimeZone("UTC+2", TimeSpan.FromHours(2), "UTC+2", "UTC+2"));
        await using var host = await VosApiHost.StartAsync(services => services.AddSingleton<TimeProvider>(time));

        string html = await host.Client.GetStringAsync(new Uri("/external/test/server", UriKind.Relative));

        Assert.That(html, Does.Contain("data-today=\"20270416\""));
        Assert.That(html, Does.Not.Contain("{{"), "every placeholder is filled in");
    }
}
