using Softswitch.Core.Calls;

namespace Softswitch.Api.Hosting;

/// <summary>DisconnectCurrentCall reaches the B2BUA of the running SIP engine through this.</summary>
public sealed class SipCallControl(SipHostedService sip) : ICallControl
{
    public bool Disconnect(long callId, EndReason reason) => sip.IsListening && sip.Engine.B2bua.Disconnect(callId, reason);
}
