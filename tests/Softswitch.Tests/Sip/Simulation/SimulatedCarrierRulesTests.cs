using System.Net;
using System.Net.Sockets;
using Softswitch.Sip.Auth;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Simulation;
using Softswitch.Tests.Sip.Transactions;

namespace Softswitch.Tests.Sip.Simulation;

/// <summary>Definition refusals (shared by start-up and HTTP), the carrier's tiny registrar, and the RTP echo.</summary>
public class SimulatedCarrierRulesTests : CarrierFixture
{
    private static IEnumerable<TestCaseData> Refusals()
    {
        yield return Case("name", d => d.Name = "");
        yield return Case("name", d => d.Name = "has space");
        yield return Case("name", d => d.Name = new string('a', 65));
        yield return Case("bindAddress", d => d.BindAddress = "192.0.2.1");
        yield return Case("bindAddress", d => d.BindAddress = "not-an-ip");
        yield return Case("port", d => d.Port = 70000);
        yield return Case("busyPercent", d => d.BusyPercent = -1);
        yield return Case("answerPercent", d => d.BusyPercent = 10);
        yield return Case("rejectStatus", d => { d.AnswerPercent = 0; d.RejectPercent = 100; d.RejectStatus = 200; });
        yield return Case("rejectStatus", d => d.RejectStatus = 487);
        yield return Case("retryAfterSeconds", d => d.RetryAfterSeconds = -3);
        yield return Case("answerDelayMilliseconds", d => d.AnswerDelayMilliseconds = int.MaxValue);
        yield return Case("holdMilliseconds", d => d.HoldMilliseconds = -1);
        yield return Case("holdMaxMilliseconds", d => { d.HoldMilliseconds = 5000; d.HoldMaxMilliseconds = 100; });
        yield return Case("media", d => d.Media = "tone-of-doom");
        yield return Case("registrarUser", d => d.RegistrarPassword = "x");
        yield return Case("registrarPassword", d => { d.RegistrarUser = "u"; d.RegistrarPassword = "bad\"quote"; });
        yield return Case("registerTo", d => { d.RegisterTo = "127.0.0.1"; d.RegisterUser = "u"; d.RegisterPassword = "p"; });
        yield return Case("registerUser", d => { d.RegisterTo = "127.0.0.1:5060"; d.RegisterPassword = "p"; });
        yield return Case("registerPassword", d => { d.RegisterTo = "127.0.0.1:5060"; d.RegisterUser = "u"; });
        yield return Case("registerExpiresSeconds", d => { d.RegisterTo = "127.0.0.1:5060"; d.RegisterUser = "u"; d.RegisterPassword = "p"; d.RegisterExpiresSeconds = 5; });
    }

    private static TestCaseData Case(string field, Action<SimulatedCarrierDefinition> spoil) => new TestCaseData(field, spoil).SetArgDisplayNames(field);

    [TestCaseSource(nameof(Refusals))]
    public void EachFaultIsRefusedNamingItsField(string field, Action<SimulatedCarrierDefinition> spoil)
    {
        var definition = new SimulatedCarrierDefinition { Name = "ok" };
        spoil(definition);

        Assert.That(SimulatedCarrierRules.Check(definition)?.Field, Is.EqualTo(field));
    }

    [Test]
    public void DefaultsAreValid() => Assert.That(SimulatedCarrierRules.Check(new SimulatedCarrierDefinition { Name = "ok" }), Is.Null);

    [Test]
    public void StartUpValidatorNamesTheKey()
    {
        var options = new SimulationOptions
        {
            Carriers = [new() { Name = "a" }, new() { Name = "b", BusyPercent = 50 }],
        };
        var result = new SimulationOptionsValidator().Validate(null, options);
        Assert.That(result.FailureMessage, Does.StartWith("simulation.carriers[1].answerPercent"));

        options.Carriers[1] = new() { Name = "a" };
        Assert.That(new SimulationOptionsValidator().Validate(null, options).FailureMessage, Does.Contain("carriers[1].name 'a' is used twice"));
    }

    [Test]
    public void RegistrarChallengesAcceptsAndRefuses()
    {
        Create(d => { d.RegistrarUser = "trunk1"; d.RegistrarPassword = "pw"; });

        var first = Register(null);
        Assert.That(first.StatusCode, Is.EqualTo(401));
        Assert.That(Authorize(first, "pw", out var good), Is.EqualTo(DigestParseError.None));
        var accepted = Register(good, "z9hG4bKr2");
        Assert.That(accepted.StatusCode, Is.EqualTo(200));
        Assert.That(accepted.Headers.Get(HeaderKind.Contact), Does.EndWith(";expires=3600"));
        Assert.That(Carrier.Counters.Registrations, Is.EqualTo(1));

        Authorize(Register(null, "z9hG4bKr3"), "wrong", out var bad);
        Assert.That(Register(bad, "z9hG4bKr4").StatusCode, Is.EqualTo(403));
    }

    private SipResponse Register(string? authorization, string branch = "z9hG4bKr1")
    {
        var request = TestMessages.Request(SipMethod.Register, branch);
        request.Headers.Add(HeaderKind.Contact, "<sip:trunk1@198.51.100.7:5062>");
        if (authorization is not null)
        {
            request.Headers.Add(HeaderKind.Authorization, authorization);
        }
        Send(request);
        return Transport.Responses()[^1];
    }

    private static DigestParseError Authorize(SipResponse challenge, string password, out string? value) =>
        DigestChallengeAnswer.TryAnswer(new DigestClient(), challenge, "trunk1", password, "REGISTER", "sip:1002@192.0.2.1", out _, out value);

    [Test]
    public async Task RegistersToTheSwitchAsADynamicGatewayAndUnregistersOnStop()
    {
        Create(d => { d.RegisterTo = "198.51.100.7:5062"; d.RegisterUser = "gw-dyn"; d.RegisterPassword = "pw"; d.RegisterExpiresSeconds = 600; });
        Carrier.Start();

        var register = Transport.Requests(SipMethod.Register).Single();
        Assert.That(register.To.Uri.ToString(), Is.EqualTo("sip:gw-dyn@198.51.100.7:5062"));
        Assert.That(register.Expires, Is.EqualTo(600));
        Assert.That(Transport.Sent[0].Destination, Is.EqualTo(TestMessages.Peer));
        var challenge = TestMessages.ResponseTo(register, 401);
        challenge.Headers.Add(HeaderKind.WwwAuthenticate, "Digest realm=\"softswitch\", nonce=\"n1\", algorithm=MD5");
        Send(challenge);
        var authorized = Transport.Requests(SipMethod.Register).Distinct().Last();
        Assert.That(authorized.Headers.Get(HeaderKind.Authorization), Does.Contain("username=\"gw-dyn\""));
        var ok = TestMessages.ResponseTo(authorized, 200);
        ok.Headers.Add(HeaderKind.Expires, "600");
        Send(ok);
        Assert.That(Carrier.RegistrationState, Is.EqualTo(Softswitch.Sip.Trunks.UpstreamRegistrationState.Registered));

        var stopping = Carrier.StopAsync(TimeSpan.FromSeconds(5));
        var unregister = Transport.Requests(SipMethod.Register).Distinct().Last();
        Assert.That(unregister.Expires, Is.Zero);
        Send(TestMessages.ResponseTo(unregister, 200));
        await stopping;
    }

    [Test]
    public async Task EchoReflectsRtpToItsSourceOnLoopback()
    {
        using var echo = new RtpEcho(IPAddress.Loopback, reflect: true);
        using var peer = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        byte[] packet = [0x80, 0x00, 0x00, 0x01, 1, 2, 3, 4, 5, 6, 7, 8, 0xAA, 0xBB];

        await peer.SendAsync(packet, echo.LocalEndPoint);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        var back = await peer.ReceiveAsync(timeout.Token);

        Assert.That(back.Buffer, Is.EqualTo(packet));
        Assert.That(back.RemoteEndPoint, Is.EqualTo(echo.LocalEndPoint));
        Assert.That(echo.Received, Is.EqualTo(1));
    }
}
