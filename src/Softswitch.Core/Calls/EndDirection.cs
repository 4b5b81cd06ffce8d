namespace Softswitch.Core.Calls;

/// <summary>Who ended the call: InfoCdr endDirection, 001_… §3.47 (0 caller, 1 callee, 2 server).</summary>
public enum EndDirection
{
    Caller = 0,
    Callee = 1,
    Server = 2,
}
