using OpenQA.Selenium;
using OpenQA.Selenium.Support.UI;
using Softswitch.Tests.EndToEnd.Support;

namespace Softswitch.Tests.EndToEnd;

/// <summary>
/// The test page (001_… §2.3) in a real headless browser against the real switch: the interface list comes from
/// /openapi.json, the example is sent as is, and the answer is shown.
/// </summary>
[Category("EndToEnd")]
public sealed class TestPageBrowserTests
{
    [Test]
    public async Task CreateCustomerFromThePageThenGetCustomerShowsIt()
    {
        await using var host = await SwitchHost.StartAsync();
        using var browser = HeadlessChromium.Start();
        var driver = browser.Driver;
        var wait = new WebDriverWait(driver, TimeSpan.FromSeconds(20));

        driver.Navigate().GoToUrl(new Uri(host.HttpBase, "/external/test/server"));
        Choose(driver, wait, "CreateCustomer");
        var account = driver.FindElement(By.CssSelector("#fields tr[data-field='account']"));
        Assert.That(account.FindElements(By.TagName("td")).Select(td => td.Text), Is.EqualTo(new[] { "account", "String", "M" }));
        Assert.That(driver.FindElement(By.Id("body")).GetDomProperty("value"), Does.Contain("\"acme\""));

        string created = Send(driver, wait);
        Assert.That(created, Is.EqualTo("HTTP 200, retCode 0"), driver.FindElement(By.Id("response")).Text);

        Choose(driver, wait, "GetCustomer");
        string got = Send(driver, wait);
        Assert.That(got, Is.EqualTo("HTTP 200, retCode 0"), driver.FindElement(By.Id("response")).Text);
        Assert.That(driver.FindElement(By.Id("response")).Text, Does.Contain("\"account\": \"acme\"").And.Contain("\"name\": \"Acme Ltd\""));
    }

    [Test]
    public async Task GetCdrExampleAsksForTodaysCalls()
    {
        await using var host = await SwitchHost.StartAsync();
        using var browser = HeadlessChromium.Start();
        var driver = browser.Driver;
        var wait = new WebDriverWait(driver, TimeSpan.FromSeconds(20));

        string before = Today();
        driver.Navigate().GoToUrl(new Uri(host.HttpBase, "/external/test/server"));
        Choose(driver, wait, "GetCdr");
        string body = driver.FindElement(By.Id("body")).GetDomProperty("value")!;
        string after = Today();

        // The switch's local day when the page was served (the run may straddle midnight).
        Assert.That(body, Does.Contain($"\"beginTime\": \"{before}\"").Or.Contain($"\"beginTime\": \"{after}\""), body);
        Assert.That(body, Does.Contain($"\"endTime\": \"{before}\"").Or.Contain($"\"endTime\": \"{after}\""), body);
        Assert.That(Send(driver, wait), Is.EqualTo("HTTP 200, retCode 0"), driver.FindElement(By.Id("response")).Text);
    }

    private static string Today() =>
        TimeZoneInfo.ConvertTime(TimeProvider.System.GetUtcNow(), TimeProvider.System.LocalTimeZone).ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);

    private static void Choose(WebDriver driver, WebDriverWait wait, string name)
    {
        var button = wait.Until(d => d.FindElements(By.CssSelector($"#endpoints button[data-name='{name}']")).FirstOrDefault());
        button!.Click();
        wait.Until(d => d.FindElement(By.Id("title")).Text.StartsWith(name, StringComparison.Ordinal));
    }

    private static string Send(WebDriver driver, WebDriverWait wait)
    {
        driver.FindElement(By.Id("send")).Click();
        return wait.Until(d =>
        {
            string status = d.FindElement(By.Id("status")).Text;
            return status.StartsWith("HTTP", StringComparison.Ordinal) || status.StartsWith("request failed", StringComparison.Ordinal)
                ? status
                : null;
        })!;
    }
}
