using System.Text;
using Softswitch.Tests.EndToEnd.Support;

namespace Softswitch.Tests.EndToEnd;

/// <summary>Garbage on the SIP port gets 400 or is dropped, and the switch keeps serving (docs/architecture.md "Bad input").</summary>
[Category("EndToEnd")]
[NonParallelizable]
public class HostileInputEndToEndTests
{
    private SwitchHost _switch = null!;

    [OneTimeSetUp]
    public async Task SetUp() => _switch = await SwitchHost.StartAsync("--no-demo");

    [OneTimeTearDown]
    public async Task TearDown() => await _switch.DisposeAsync();

    private static string ValidOptions(int port, int localPort) =>
        $"OPTIONS sip:127.0.0.1:{port} SIP/2.0\r\n" +
        $"Via: SIP/2.0/UDP 127.0.0.1:{localPort};branch=z9hG4bKfuzz{Guid.NewGuid():N}\r\n" +
        "From: <sip:fuzz@127.0.0.1>;tag=f1\r\nTo: <sip:127.0.0.1>\r\n" +
        $"Call-ID: {Guid.NewGuid():N}\r\nCSeq: 1 OPTIONS\r\nMax-Forwards: 70\r\nContent-Length: 0\r\n\r\n";

    [Test]
    public async Task ThousandsOfRandomAndMutatedDatagramsLeaveOptionsAnswered()
    {
        using var client = new TestSipClient(_switch.SipPort);
        var random = new Random(4475);
        byte[] valid = Encoding.ASCII.GetBytes(ValidOptions(_switch.SipPort, client.LocalPort));
        for (int i = 0; i < 5000; i++)
        {
            byte[] datagram;
            switch (i % 4)
            {
                case 0:
                    datagram = new byte[random.Next(1, 2048)];
                    random.NextBytes(datagram);
                    break;
                case 1:
                    datagram = valid.ToArray();
                    for (int k = 0; k < 1 + random.Next(8); k++)
                    {
                        datagram[random.Next(datagram.Length)] = (byte)random.Next(256);
                    }
                    break;
                case 2:
                    datagram = valid.AsSpan(0, random.Next(1, valid.Length)).ToArray();
                    break;
                default:
                    datagram = Encoding.ASCII.GetBytes(ValidOptions(_switch.SipPort, client.LocalPort)
                        .Replace("CSeq: 1 OPTIONS", i % 8 == 3 ? "CSeq: x OPTIONS" : "CSeq: 1 INVITE"));
                    break;
            }
            client.SendRaw(datagram);
            if (i % 500 == 0)
            {
                await Task.Delay(5);
            }
        }
        // Drain whatever 400s came back, then the switch must still answer a good OPTIONS.
        while (await client.ReceiveAsync(500) is not null)
        {
        }
        var response = await client.RequestAsync(ValidOptions(_switch.SipPort, client.LocalPort));
        Assert.That(response.StatusCode, Is.EqualTo(200));
    }

    [Test]
    public async Task MalformedRequestGets400NamingTheFault()
    {
        using var client = new TestSipClient(_switch.SipPort);
        string bad = ValidOptions(_switch.SipPort, client.LocalPort).Replace("CSeq: 1 OPTIONS", "CSeq: 1 INVITE");
        var response = await client.RequestAsync(bad);
        Assert.That(response.StatusCode, Is.EqualTo(400));
        Assert.That(response.ReasonPhrase, Does.Contain("CSeq"));
    }

    [Test]
    public async Task WrongSipVersionGets505()
    {
        using var client = new TestSipClient(_switch.SipPort);
        string bad = ValidOptions(_switch.SipPort, client.LocalPort).Replace(" SIP/2.0\r\n", " SIP/7.0\r\n");
        var response = await client.RequestAsync(bad);
        Assert.That(response.StatusCode, Is.EqualTo(505));
    }

    [Test]
    public async Task OversizeDatagramGets513()
    {
        using var client = new TestSipClient(_switch.SipPort);
        string big = ValidOptions(_switch.SipPort, client.LocalPort).Replace("Max-Forwards: 70\r\n", "Max-Forwards: 70\r\nX-Pad: " + new string('a', 20_000) + "\r\n");
        var response = await client.RequestAsync(big);
        Assert.That(response.StatusCode, Is.EqualTo(513));
    }

    [Test]
    public async Task UnknownMethodGets501AndInDialogRequestWithoutDialogGets481()
    {
        using var client = new TestSipClient(_switch.SipPort);
        string options = ValidOptions(_switch.SipPort, client.LocalPort);
        var unknown = await client.RequestAsync(options.Replace("OPTIONS", "FROBNICATE"));
        Assert.That(unknown.StatusCode, Is.EqualTo(501));
        var bye = await client.RequestAsync(ValidOptions(_switch.SipPort, client.LocalPort).Replace("OPTIONS", "BYE"));
        Assert.That(bye.StatusCode, Is.EqualTo(481));
    }
}
