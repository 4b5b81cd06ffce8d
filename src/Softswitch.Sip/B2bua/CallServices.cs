namespace Softswitch.Sip.B2bua;

/// <summary>TEMPORARY: the Core services a call uses (registry, CDR queue, relay) are gathered here when they land.</summary>
public sealed class CallServices
{
}
