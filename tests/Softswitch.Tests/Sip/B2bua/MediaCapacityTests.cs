using Softswitch.Sip.Messages;
using Softswitch.Sip.Transport;

namespace Softswitch.Tests.Sip.B2bua;

/// <summary>
/// A call the relay cannot give sockets to (issue 12 hole 1): refused 503 with Retry-After, no leg B, and the next
/// call gets its ports once descriptors are free again (docs/hardening.md "TCP and descriptors").
/// </summary>
public class MediaCapacityTests : B2buaFixture
{
    [Test]
    public async Task ACallWithoutDescriptorsForItsMediaIsRefused503WithRetryAfter()
    {
        DisposeSwitch();
        CallOptions.RelayMedia = true;
        RelayDescriptors = new DescriptorBudget(3); // less than the four sockets a session needs
        BuildSwitch();

        Invite();
        await WaitForAsync(() => Transport.Responses(503, CallerAddress, SipMethod.Invite).Count == 1, "503 to the INVITE");
        var refusal = Transport.Responses(503, CallerAddress, SipMethod.Invite).Single();
        Assert.That(refusal.Headers.Get(HeaderKind.RetryAfter), Is.EqualTo("5"));
        Assert.That(Transport.Requests(SipMethod.Invite, CalleeAddress), Is.Empty, "no leg B without media ports");
        Assert.That(RelayDescriptors.InUse, Is.Zero, "nothing taken from the budget by the refused call");
    }
}
