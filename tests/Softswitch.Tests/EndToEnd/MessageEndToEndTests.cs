using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Softswitch.Core.TextMessages;
using Softswitch.Tests.EndToEnd.Support;

namespace Softswitch.Tests.EndToEnd;

/// <summary>MESSAGE (RFC 3428 pager mode) between two phones through the switch with SIPp, and its record in Core.</summary>
[NonParallelizable]
[Category("EndToEnd")]
public class MessageEndToEndTests
{
    private SwitchHost _switch = null!;
    private CallBed _bed = null!;

    [SetUp]
    public async Task SetUp()
    {
        _switch = await SwitchHost.StartAsync("--no-demo");
        _bed = await CallBed.CreateAsync(_switch);
    }

    [TearDown]
    public async Task TearDown() => await _switch.DisposeAsync();

    private async Task<TextMessage> RecordedAsync()
    {
        var today = DateTimeOffset.UtcNow.Date;
        var recorded = await _switch.Services.GetRequiredService<TextMessageLog>().QueryAsync(new TextMessageQuery
        {
            Accounts = [CallBed.Account],
            From = today.AddDays(-1),
            To = today.AddDays(2),
        });
        Assert.That(recorded, Has.Count.EqualTo(1));
        return recorded[0];
    }

    [Test]
    public async Task AMessageBetweenRegisteredPhonesIsDeliveredAnswered200AndRecorded()
    {
        await _bed.RegisterCalleeAsync();
        var (sender, callee) = await _bed.CallAsync("uac_message.xml", "uas_message.xml");
        Assert.That(sender.ExitCode, Is.Zero, sender.Output + sender.Errors);
        Assert.That(callee.ExitCode, Is.Zero, "the callee phone got the text with Max-Forwards 69: " + callee.Output + callee.Errors);

        var message = await RecordedAsync();
        Assert.That((message.CallerE164, message.CalleeE164, message.Status), Is.EqualTo((CallBed.CallerE164, CallBed.CalleeE164, 200)));
        Assert.That(message.ContentType, Is.EqualTo("text/plain;charset=UTF-8"));
        Assert.That(Encoding.UTF8.GetString(message.Body.Span), Does.StartWith("Hello from SIPp"));
    }

    [Test]
    public async Task AMessageToAnUnregisteredPhoneGets480AndIsRecordedUndelivered()
    {
        var sender = await _bed.CallerAsync("uac_message_refused.xml");
        Assert.That(sender.ExitCode, Is.Zero, sender.Output + sender.Errors);
        var message = await RecordedAsync();
        Assert.That((message.Status, message.Delivered), Is.EqualTo((480, false)));
    }

    [Test]
    public async Task AMessageToAnUnknownNumberGets404()
    {
        var sender = await _bed.CallerAsync("uac_message_refused.xml", dialled: "8613999999999");
        Assert.That(sender.ExitCode, Is.Zero, sender.Output + sender.Errors);
        Assert.That((await RecordedAsync()).Status, Is.EqualTo(404));
    }
}
