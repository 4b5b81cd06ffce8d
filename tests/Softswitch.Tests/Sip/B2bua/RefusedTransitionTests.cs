using Microsoft.Extensions.Logging;
using Softswitch.Core.Calls;
using Softswitch.Sip.B2bua;

namespace Softswitch.Tests.Sip.B2bua;

/// <summary>
/// A pair a table does not have is a bug of the bridge: refused (the state is kept), logged at error level with the
/// caller's Call-ID, and counted in <see cref="Softswitch.Sip.B2bua.B2bua.RefusedTransitions"/>; so is a Core trigger the
/// call record refuses. The events are fired directly, as no message from the network can produce them.
/// </summary>
public class RefusedTransitionTests : B2buaFixture
{
    private async Task<B2buaCall> CallingAsync()
    {
        await CallAsync();
        var call = Switch.Calls.Single();
        await WaitForAsync(() => call.State == BridgeState.Calling, "the call to be calling");
        return call;
    }

    private async Task<(LogLevel Level, string Message)> RefusalAsync(long count)
    {
        await WaitForAsync(() => Switch.RefusedTransitions == count, "the refusal to be counted");
        return Log.Entries().Last(e => e.Message.Contains("refused", StringComparison.Ordinal));
    }

    [Test]
    public async Task ABridgeEventItsStateDoesNotExpectIsRefusedLoggedAndCounted()
    {
        var call = await CallingAsync();
        ExpectedRefusals = 1;
        call.Post(() => call.Fire(BridgeEvent.CalleeBye));
        var (level, message) = await RefusalAsync(1);
        Assert.Multiple(() =>
        {
            Assert.That(call.State, Is.EqualTo(BridgeState.Calling), "not applied");
            Assert.That(level, Is.EqualTo(LogLevel.Error));
            Assert.That(message, Does.Contain(CallerCallId).And.Contain("bridge").And.Contain("CalleeBye").And.Contain("Calling"));
        });
    }

    [Test]
    public async Task ALegEventItsStateDoesNotExpectIsRefusedLoggedAndCounted()
    {
        var call = await CallingAsync();
        var leg = call.Legs.Single();
        ExpectedRefusals = 1;
        call.Post(() => leg.Fire(LegEvent.Ack));
        var (_, message) = await RefusalAsync(1);
        Assert.Multiple(() =>
        {
            Assert.That(leg.State, Is.EqualTo(LegState.Inviting), "not applied");
            Assert.That(message, Does.Contain(CallerCallId).And.Contain(leg.Dialog.CallId).And.Contain("Ack").And.Contain("Inviting"));
        });
    }

    [Test]
    public async Task ACoreTriggerTheRecordRefusesIsLoggedAndCounted()
    {
        var call = await CallingAsync();
        ExpectedRefusals = 1;
        call.Post(() => call.FireRecord(CallTrigger.InviteSent)); // -7 Invite: InviteSent happened already
        var (_, message) = await RefusalAsync(1);
        Assert.Multiple(() =>
        {
            Assert.That(call.Record.State, Is.EqualTo(CallState.Invite));
            Assert.That(message, Does.Contain(CallerCallId).And.Contain("record").And.Contain("InviteSent"));
        });
    }
}
