using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Softswitch.Core.Gateways;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Timers;
using Softswitch.Sip.Transactions;
using Softswitch.Sip.Trunks;
using Softswitch.Tests.Sip.Transactions;

namespace Softswitch.Tests.Sip.Trunks;

/// <summary>
/// An <see cref="UpstreamRegistrar"/> over the fake transport and fake clock, with an editable gateway table standing
/// in for GatewayState; the carrier's answers are built by the test and fed through the transaction layer.
/// </summary>
public abstract class UpstreamFixture
{
    private protected const string Realm = "carrier.example";

    private protected FakeTimeProvider Time { get; private set; } = null!;

    private protected FakeTransport Transport { get; private set; } = null!;

    private protected SipTransactionLayer Layer { get; private set; } = null!;

    private protected GatewayPresence Presence { get; private set; } = null!;

    private protected UpstreamRegistrar Registrar { get; private set; } = null!;

    private protected List<RoutingGateway> Gateways { get; private set; } = null!;

    private TimerWheel _wheel = null!;

    private protected static RoutingGateway Carrier(string name = "carrier1", string password = "s3cret", string ip = "198.51.100.7",
        int port = 5062, GatewayRegisterType type = GatewayRegisterType.Register) =>
        new() { Name = name, Password = password, RemoteIp = ip, SignalPort = port, RegisterType = type };

    [SetUp]
    public void CreateRegistrar()
    {
        Time = new FakeTimeProvider();
        _wheel = new TimerWheel(Time);
        Transport = new FakeTransport(Time);
        Layer = new SipTransactionLayer(Transport, new RecordingUser(), _wheel);
        Presence = new GatewayPresence();
        Gateways = [Carrier()];
        Registrar = new UpstreamRegistrar(Layer, () => Gateways.ToArray(), Presence, new UpstreamRegistrationOptions(), Time,
            NullLogger<UpstreamRegistrar>.Instance);
    }

    [TearDown]
    public void DisposeWheel() => _wheel.Dispose();

    private protected List<SipRequest> Registers => Transport.Requests(SipMethod.Register).Distinct().ToList();

    private protected SipRequest LastRegister => Registers[^1];

    /// <summary>Answers the last REGISTER as the carrier would, with extra headers.</summary>
    private protected void Answer(int status, params (HeaderKind Kind, string Value)[] headers) => Answer(LastRegister, status, headers);

    private protected void Answer(SipRequest request, int status, params (HeaderKind Kind, string Value)[] headers)
    {
        SipResponse response = TestMessages.ResponseTo(request, status, toTag: "registrar1");
        foreach (var (kind, value) in headers)
        {
            response.Headers.Add(kind, value);
        }
        Layer.HandleIncoming(response);
    }

    private protected void Challenge(int status = 401, string nonce = "n0nce-1", string algorithm = "MD5", bool stale = false) =>
        Answer(status, (status == 401 ? HeaderKind.WwwAuthenticate : HeaderKind.ProxyAuthenticate,
            $"Digest realm=\"{Realm}\", nonce=\"{nonce}\", algorithm={algorithm}, qop=\"auth\"" + (stale ? ", stale=true" : "")));

    /// <summary>Registers the default carrier through a 401 challenge; the carrier grants <paramref name="granted"/> s.</summary>
    private protected void RegisterThroughChallenge(int granted = 120)
    {
        Registrar.Start();
        Challenge();
        Answer(200, (HeaderKind.Contact, $"<sip:carrier1@{FakeTransport.Local}>;expires={granted}"));
    }

    /// <summary>Moves the clock in 100 ms steps (the wheel fires every due entry on the way).</summary>
    private protected void Run(TimeSpan duration)
    {
        TimeSpan step = TimeSpan.FromMilliseconds(100);
        for (TimeSpan done = TimeSpan.Zero; done < duration; done += step)
        {
            Time.Advance(step);
        }
    }

    private protected static TimeSpan Seconds(double value) => TimeSpan.FromSeconds(value);

    private protected bool Online(string name = "carrier1") => Presence.IsOnline(GatewayKind.Routing, name, Time.GetUtcNow());
}
