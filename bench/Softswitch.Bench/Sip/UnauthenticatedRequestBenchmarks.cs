using System.Globalization;
using System.Net;
using System.Text;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;
using Softswitch.Core.Phones;
using Softswitch.Core.Registrations;
using Softswitch.Sip;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Parsing;
using Softswitch.Sip.Registrar;
using Softswitch.Sip.Security;
using Softswitch.Sip.Timers;
using Softswitch.Sip.Transactions;
using Softswitch.Sip.Transport;

namespace Softswitch.Bench.Sip;

/// <summary>
/// What one unauthenticated REGISTER from a stranger costs the switch, from the datagram's bytes to the serialized
/// answer (issue 12, unauthenticated floods): answered with a 401 challenge (the digest path a 407 takes too), or
/// dropped by the per-source limit. Plus the limiter's own cost for a registered and for an already-counted source.
/// </summary>
/// <remarks>
/// The real transaction layer, router, limiter and registrar run on the system clock with T1 = 1 ms, so that the
/// answered transactions leave the table (timer J = 64*T1) during the run instead of piling up. The transport
/// serializes each message into a buffer, as the UDP channel does before its send.
/// </remarks>
[MemoryDiagnoser]
public class UnauthenticatedRequestBenchmarks
{
    private const string BranchMarker = "z9hG4bK0000000000";
    private static readonly IPEndPoint Stranger = new(IPAddress.Parse("203.0.113.5"), 5080);
    private static readonly SipEndPoint Registered = new(SipTransportKind.Udp, new IPEndPoint(IPAddress.Parse("203.0.113.5"), 5070));
    private static readonly SipEndPoint Counted = new(SipTransportKind.Udp, new IPEndPoint(IPAddress.Parse("203.0.113.9"), 5060));

    private readonly byte[] _template = Encoding.ASCII.GetBytes(
        $"REGISTER sip:192.0.2.1 SIP/2.0\r\nVia: SIP/2.0/UDP 203.0.113.5:5080;branch={BranchMarker};rport\r\n" +
        "Max-Forwards: 70\r\nFrom: <sip:1001@192.0.2.1>;tag=bench1\r\nTo: <sip:1001@192.0.2.1>\r\n" +
        "Call-ID: bench-register@203.0.113.5\r\nCSeq: 1 REGISTER\r\nContact: <sip:1001@203.0.113.5:5080>\r\n" +
        "Expires: 3600\r\nUser-Agent: bench\r\nContent-Length: 0\r\n\r\n");

    private int _branchOffset;
    private long _branch;
    private TimerWheel _answeredWheel = null!;
    private TimerWheel _droppedWheel = null!;
    private SipTransactionLayer _answered = null!;
    private SipTransactionLayer _dropped = null!;
    private UnauthenticatedLimiter _limiter = null!;

    [GlobalSetup]
    public void Setup()
    {
        _branchOffset = Encoding.ASCII.GetString(_template).IndexOf(BranchMarker, StringComparison.Ordinal) + 7;
        (_answered, _answeredWheel) = Layer(new UnauthenticatedLimitOptions { MaxRequests = 1_000_000, WindowSeconds = 1 });
        (_dropped, _droppedWheel) = Layer(new UnauthenticatedLimitOptions { MaxRequests = 1, WindowSeconds = 3_600 });
        _limiter = new UnauthenticatedLimiter(new UnauthenticatedLimitOptions { MaxRequests = 1, WindowSeconds = 3_600 }, TimeProvider.System,
            NullLogger<UnauthenticatedLimiter>.Instance);
        _limiter.TrustRegistered(Registered);
        _limiter.Admit(Counted);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _answeredWheel.Dispose();
        _droppedWheel.Dispose();
    }

    /// <summary>A stranger's REGISTER answered 401: parse, Via stamp, new transaction, limiter, digest challenge, serialize.</summary>
    [Benchmark(Baseline = true)]
    public void ChallengedRegister() => _answered.HandleIncoming(NextRegister());

    /// <summary>The same REGISTER from a source past its limit: parse, Via stamp, new transaction, limiter, dropped.</summary>
    [Benchmark]
    public void DroppedRegister() => _dropped.HandleIncoming(NextRegister());

    /// <summary>The limiter alone, for a registered phone's request: never counted.</summary>
    [Benchmark]
    public bool AdmitRegisteredSource() => _limiter.Admit(Registered);

    /// <summary>The limiter alone, for a source already counted and past its limit.</summary>
    [Benchmark]
    public bool AdmitCountedSource() => _limiter.Admit(Counted);

    private SipRequest NextRegister()
    {
        byte[] datagram = _template.ToArray();
        // A new branch each time: the same one would be a retransmission, absorbed by its transaction.
        Encoding.ASCII.GetBytes((++_branch % 10_000_000_000).ToString("D10", CultureInfo.InvariantCulture), datagram.AsSpan(_branchOffset, 10));
        var request = (SipRequest)SipParser.Parse(datagram, SipParserLimits.Default).Message!;
        request.Source = new SipEndPoint(SipTransportKind.Udp, Stranger);
        ReceivedStamp.Apply(request, Stranger);
        return request;
    }

    private static (SipTransactionLayer, TimerWheel) Layer(UnauthenticatedLimitOptions limit)
    {
        var time = TimeProvider.System;
        var registrar = new Softswitch.Sip.Registrar.Registrar(new RegistrarOptions(), new AuthOptions(), new Phones(), new RegistrationTable(), time,
            NullLogger<Softswitch.Sip.Registrar.Registrar>.Instance);
        var router = new SipRequestRouter(registrar, NullLogger<SipRequestRouter>.Instance);
        var wheel = new TimerWheel(time);
        var layer = new SipTransactionLayer(new SerializingTransport(), router, wheel, new SipTimerOptions { T1 = TimeSpan.FromMilliseconds(1), T2 = TimeSpan.FromMilliseconds(8) });
        router.Attach(layer);
        router.Attach(new UnauthenticatedLimiter(limit, time, NullLogger<UnauthenticatedLimiter>.Instance));
        return (layer, wheel);
    }

    private sealed class Phones : IPhoneDirectory
    {
        private readonly PhoneCredentials _phone = new("1001", "secret-1001", "bench", false);

        public PhoneCredentials? FindCredentials(string e164) => e164 == _phone.E164 ? _phone : null;

        public PhoneCredentials? FindByNumber(string number) => FindCredentials(number);
    }
}
