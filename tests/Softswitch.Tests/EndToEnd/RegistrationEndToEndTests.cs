using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Softswitch.Api.Hosting;
using Softswitch.Sip.Auth;
using Softswitch.Sip.Messages;
using Softswitch.Tests.EndToEnd.Support;

namespace Softswitch.Tests.EndToEnd;

/// <summary>The acceptance contract, on the real switch over loopback with SIPp and the test UA.</summary>
[Category("EndToEnd")]
[NonParallelizable]
public class RegistrationEndToEndTests
{
    private SwitchHost _switch = null!;

    [SetUp]
    public async Task SetUp() => _switch = await SwitchHost.StartAsync();

    [TearDown]
    public async Task TearDown() => await _switch.DisposeAsync();

    private async Task CreatePhoneAsync(string account, string e164, string password)
    {
        var customer = await _switch.PostAsync("CreateCustomer", new { account, name = "Test " + account });
        Assert.That(customer.GetProperty("retCode").GetInt32(), Is.Zero, customer.ToString());
        var phone = await _switch.PostAsync("CreatePhone", new { autoCreateAccount = false, e164, account, password });
        Assert.That(phone.GetProperty("retCode").GetInt32(), Is.Zero, phone.ToString());
    }

    [Test]
    public async Task SippRegistersWithDigestAndApiListsThePhoneOnline()
    {
        await CreatePhoneAsync("acme", "8613800000001", "p@ss-word1");

        var run = await SippRunner.RunAsync(_switch.SipPort, "register.xml", "-s", "8613800000001", "-au", "8613800000001", "-ap", "p@ss-word1");
        Assert.That(run.ExitCode, Is.Zero, run.Output + run.Errors);

        var phone = await _switch.PostAsync("GetPhone", new { e164s = new[] { "8613800000001" } });
        Assert.That(phone.GetProperty("retCode").GetInt32(), Is.Zero);
        Assert.That(phone.ToString(), Does.Contain("8613800000001"));

        var online = await _switch.PostAsync("GetPhoneOnline", new { e164s = new[] { "8613800000001" } });
        Assert.That(online.GetProperty("retCode").GetInt32(), Is.Zero);
        Assert.That(online.ToString(), Does.Contain("8613800000001"));

        var all = await _switch.PostAsync("GetAllPhoneOnline", new { });
        Assert.That(all.ToString(), Does.Contain("8613800000001"));
    }

    [Test]
    public async Task ARegisteredPhoneIsStillOnlineAfterARestart()
    {
        await CreatePhoneAsync("acme", "2005", "restart-pw");
        var run = await SippRunner.RunAsync(_switch.SipPort, "register.xml", "-s", "2005", "-au", "2005", "-ap", "restart-pw");
        Assert.That(run.ExitCode, Is.Zero, run.Output + run.Errors);

        // Issue 12 #3: the phone does not re-register; the new process must still know where it is.
        await _switch.RestartAsync();

        var online = await _switch.PostAsync("GetPhoneOnline", new { e164s = new[] { "2005" } });
        Assert.That(online.GetProperty("retCode").GetInt32(), Is.Zero);
        var info = online.GetProperty("infoPhoneOnlines").EnumerateArray().Single();
        Assert.That(info.GetProperty("e164").GetString(), Is.EqualTo("2005"));
        Assert.That(info.GetProperty("remoteIp").GetString(), Does.StartWith("127.0.0.1:"));
        Assert.That(_switch.Services.GetRequiredService<SipHostedService>().Engine.Unauthenticated.RegisteredSources, Is.EqualTo(1),
            "the restored phone's source is trusted again, as after its REGISTER");
    }

    [Test]
    public async Task SippRegistersOverTcp()
    {
        await CreatePhoneAsync("acme", "2001", "tcp-secret");
        var run = await SippRunner.RunAsync(_switch.SipPort, "register.xml", "-t", "t1", "-s", "2001", "-au", "2001", "-ap", "tcp-secret");
        Assert.That(run.ExitCode, Is.Zero, run.Output + run.Errors);
        var online = await _switch.PostAsync("GetPhoneOnline", new { e164s = new[] { "2001" } });
        Assert.That(online.ToString(), Does.Contain("2001"));
    }

    [Test]
    public async Task WrongPasswordAndUnknownUserAreRefusedAlike()
    {
        await CreatePhoneAsync("acme", "2002", "right-one");
        var wrong = await SippRunner.RunAsync(_switch.SipPort, "register_refused.xml", "-s", "2002", "-au", "2002", "-ap", "wrong-one");
        var unknown = await SippRunner.RunAsync(_switch.SipPort, "register_refused.xml", "-s", "9999", "-au", "9999", "-ap", "wrong-one");
        Assert.That(wrong.ExitCode, Is.Zero, "wrong password gets 401 then 403: " + wrong.Output + wrong.Errors);
        Assert.That(unknown.ExitCode, Is.Zero, "unknown user gets 401 then 403: " + unknown.Output + unknown.Errors);

        // Same answer, field by field, from our own UA.
        var a = await RegisterWithPasswordAsync("2002", "wrong-one");
        var b = await RegisterWithPasswordAsync("9999", "wrong-one");
        Assert.That((a.StatusCode, a.ReasonPhrase, a.Headers.Count), Is.EqualTo((b.StatusCode, b.ReasonPhrase, b.Headers.Count)));
        var online = await _switch.PostAsync("GetPhoneOnline", new { e164s = new[] { "2002" } });
        Assert.That(online.ToString(), Does.Not.Contain("\"2002\""));
    }

    [Test]
    public async Task DemoPhonesRegisterWithPrintedCredentials()
    {
        var demo = _switch.Services.GetRequiredService<DemoCredentials>();
        Assert.That(demo.Phones.Select(p => p.E164), Is.EquivalentTo(new[] { "1001", "1002" }));
        var (e164, password) = demo.Phones[0];
        var response = await RegisterWithPasswordAsync(e164, password);
        Assert.That(response.StatusCode, Is.EqualTo(200));
    }

    [Test]
    public async Task SippOptionsIsAnswered200WithAllow()
    {
        var run = await SippRunner.RunAsync(_switch.SipPort, "options.xml");
        Assert.That(run.ExitCode, Is.Zero, run.Output + run.Errors);
    }

    [Test]
    public async Task UnregisterWithExpiresZeroTakesThePhoneOffline()
    {
        await CreatePhoneAsync("acme", "2003", "secret-2003");
        using var client = new TestSipClient(_switch.SipPort);
        Assert.That((await RegisterWithPasswordAsync("2003", "secret-2003", client)).StatusCode, Is.EqualTo(200));
        Assert.That((await _switch.PostAsync("GetPhoneOnline", new { e164s = new[] { "2003" } })).ToString(), Does.Contain("2003"));
        Assert.That((await RegisterWithPasswordAsync("2003", "secret-2003", client, expires: 0)).StatusCode, Is.EqualTo(200));
        var all = await _switch.PostAsync("GetAllPhoneOnline", new { });
        Assert.That(all.ToString(), Does.Not.Contain("\"2003\""));
    }

    private async Task<SipResponse> RegisterWithPasswordAsync(string e164, string password, TestSipClient? shared = null, int expires = 300)
    {
        using var own = shared is null ? new TestSipClient(_switch.SipPort) : null;
        var client = shared ?? own!;
        var challenge = await client.RequestAsync(client.Register(e164, expires));
        Assert.That(challenge.StatusCode, Is.EqualTo(401));
        var error = new DigestClient().TryAuthorize(challenge.Headers.GetAll(HeaderKind.WwwAuthenticate), e164, password,
            "REGISTER", $"sip:127.0.0.1:{_switch.SipPort}", out string? authorization);
        Assert.That(error, Is.EqualTo(DigestParseError.None));
        return await client.RequestAsync(client.Register(e164, expires, authorization));
    }
}
