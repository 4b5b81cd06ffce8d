using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Options;
using Softswitch.Api.Hosting;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Transport;

namespace Softswitch.Tests.Api.Hosting;

/// <summary>What the start can throw for a bad configuration becomes one line each; anything else is no fault of it.</summary>
public class StartupFaultsTests
{
    [Test]
    public void ValidationFailuresFromSeveralSectionsAreListedOnceEach()
    {
        var e = new AggregateException(
            new OptionsValidationException("calls", typeof(object), ["calls.timeoutInviteSeconds: 0 is out of range 1-3600"]),
            new OptionsValidationException("sip", typeof(object), ["sip.port: 70000 is out of range 0-65535", "calls.timeoutInviteSeconds: 0 is out of range 1-3600"]));
        Assert.That(StartupFaults.Describe(e), Is.EqualTo(new[]
        {
            "calls.timeoutInviteSeconds: 0 is out of range 1-3600",
            "sip.port: 70000 is out of range 0-65535",
        }));
    }

    [Test]
    public void PortInUseNamesTransportPortAndOption()
    {
        var sip = new SipBindException(SipTransportKind.Tcp, new IPEndPoint(IPAddress.Loopback, 5060), new SocketException((int)SocketError.AddressAlreadyInUse));
        var http = new IOException("Failed to bind to address http://127.0.0.1:8080: address already in use.", new AddressInUseException("in use"));
        Assert.That(StartupFaults.Describe(sip), Is.EqualTo(new[] { "SIP TCP port 5060 on 127.0.0.1: already in use by another process (sip.port, --sip-port)" }));
        Assert.That(StartupFaults.Describe(http), Is.EqualTo(new[] { "HTTP port 8080 on 127.0.0.1: already in use by another process (http.port, --http-port)" }));
    }

    [Test]
    public void BinderFailureNamesKeyAsTheFileWritesIt()
    {
        var e = new InvalidOperationException("Failed to convert configuration value 'yes please' at 'demo:Enabled' to type 'System.Boolean'.");
        Assert.That(StartupFaults.Describe(e), Is.EqualTo(new[] { "demo.enabled: 'yes please' is not true or false" }));
    }

    [Test]
    public void AnythingElseIsNotAConfigurationFault()
    {
        Assert.That(StartupFaults.Describe(new InvalidOperationException("a bug")), Is.Null);
        Assert.That(StartupFaults.Describe(new AggregateException(new StartupFaultException("x"), new ArgumentException("a bug"))), Is.Null);
    }
}
