namespace Softswitch.Sip.B2bua;

/// <summary>
/// Who may send in-dialog requests (BYE, re-INVITE, UPDATE, INFO, …) on a leg of a call (issue 12, "Dialogs"): the
/// leg's known peer only. The caller leg's peer is the address its INVITE came from; a callee leg's peer is the
/// address its INVITE went to (a phone's registered source, behind NAT its public address) or its 2xx came from.
/// Anything else is answered 481 and changes nothing.
/// </summary>
public enum InDialogSourceCheck
{
    /// <summary>0: no check; for phones that move between addresses during a call (the dialog identifiers are the only proof).</summary>
    Off = 0,

    /// <summary>1: the peer's IP address, any port (a phone that sends from another socket, a NAT that re-maps the port).</summary>
    Address = 1,

    /// <summary>2: the peer's IP address and, over UDP, its port too (over TCP the port of a new connection is ephemeral: IP only).</summary>
    Strict = 2,
}
