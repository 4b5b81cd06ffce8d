using Softswitch.Sip.Auth;
using Softswitch.Sip.Messages;
using Softswitch.Tests.EndToEnd.Support;

namespace Softswitch.Tests.EndToEnd;

/// <summary>
/// The per-source limit on the wire (issue 12, unauthenticated floods), with loopback not exempt so that 127.0.0.1
/// counts like any address: a stranger past the limit gets no answer, while a phone registered from the same address
/// (another port) is still served.
/// </summary>
[Category("EndToEnd")]
[NonParallelizable]
public class UnauthenticatedFloodEndToEndTests
{
    private const int Limit = 5;

    private SwitchHost _switch = null!;

    [SetUp]
    public async Task SetUp() => _switch = await SwitchHost.StartAsync(
        new Dictionary<string, string?>
        {
            ["sip:unauthenticated:exemptLoopback"] = "false",
            ["sip:unauthenticated:maxRequests"] = Limit.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["sip:unauthenticated:windowSeconds"] = "600",
        },
        "--no-demo");

    [TearDown]
    public async Task TearDown() => await _switch.DisposeAsync();

    [Test]
    public async Task AStrangerPastTheLimitGetsNothingWhileARegisteredPhoneOnTheSameAddressIsServed()
    {
        var customer = await _switch.PostAsync("CreateCustomer", new { account = "flood", name = "flood" });
        Assert.That(customer.GetProperty("retCode").GetInt32(), Is.Zero, customer.ToString());
        var created = await _switch.PostAsync("CreatePhone", new { autoCreateAccount = false, e164 = "2001", account = "flood", password = "secret-2001" });
        Assert.That(created.GetProperty("retCode").GetInt32(), Is.Zero, created.ToString());
        using var phone = new TestSipClient(_switch.SipPort);
        var challenge = await phone.RequestAsync(phone.Register("2001"));
        var error = new DigestClient().TryAuthorize(challenge.Headers.GetAll(HeaderKind.WwwAuthenticate), "2001", "secret-2001",
            "REGISTER", $"sip:127.0.0.1:{_switch.SipPort}", out string? authorization);
        Assert.That(error, Is.EqualTo(DigestParseError.None));
        Assert.That((await phone.RequestAsync(phone.Register("2001", authorization: authorization))).StatusCode, Is.EqualTo(200));

        using var stranger = new TestSipClient(_switch.SipPort);
        for (int i = 0; i < 3 * Limit; i++)
        {
            stranger.SendRaw(stranger.Options());
        }
        int answered = 0;
        while (await stranger.ReceiveAsync(timeoutMs: answered < Limit - 2 ? 5000 : 1000) is not null)
        {
            answered++;
        }
        Assert.That(answered, Is.EqualTo(Limit - 2), "the phone's two REGISTERs and the stranger share 127.0.0.1's quota");

        var options = await phone.RequestAsync(phone.Options());
        Assert.That(options.StatusCode, Is.EqualTo(200), "the registered phone is served while its address is over the limit");
    }

    [Test]
    public async Task AStaticTrunksAddressIsNotLimitedUntilItsGatewayIsDeleted()
    {
        var created = await _switch.PostAsync("CreateGatewayMapping", new { name = "trunk-in", remoteIps = "127.0.0.1", registerType = 0 });
        Assert.That(created.GetProperty("retCode").GetInt32(), Is.Zero, created.ToString());
        using var trunk = new TestSipClient(_switch.SipPort);
        for (int i = 0; i < 3 * Limit; i++)
        {
            Assert.That((await trunk.RequestAsync(trunk.Options())).StatusCode, Is.EqualTo(200), $"request {i + 1} from the trunk's address");
        }

        var deleted = await _switch.PostAsync("DeleteGatewayMapping", new { name = "trunk-in" });
        Assert.That(deleted.GetProperty("retCode").GetInt32(), Is.Zero, deleted.ToString());
        for (int i = 0; i < 3 * Limit; i++)
        {
            trunk.SendRaw(trunk.Options());
        }
        int answered = 0;
        while (await trunk.ReceiveAsync(timeoutMs: answered < Limit ? 5000 : 1000) is not null)
        {
            answered++;
        }
        Assert.That(answered, Is.EqualTo(Limit), "a stranger again once the gateway is gone; its trusted requests were never counted");
    }
}
