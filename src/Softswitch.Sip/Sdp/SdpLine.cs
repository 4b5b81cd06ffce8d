namespace Softswitch.Sip.Sdp;

/// <summary>
/// One line of a session description, <c>&lt;type&gt;=&lt;value&gt;</c> (RFC 4566 §5). Lines are the source of
/// truth of <see cref="SdpSession"/> and <see cref="SdpMedia"/>: typed views read them, rewrites replace them, and
/// lines nobody understands are carried through untouched so the description round-trips.
/// </summary>
public readonly record struct SdpLine(char Type, string Value)
{
    public override string ToString() => $"{Type}={Value}";
}
