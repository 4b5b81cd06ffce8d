using Softswitch.Sip.Messages;

namespace Softswitch.Sip;

/// <summary>
/// The one definition of what the switch implements, read by every response that carries <c>Allow</c> or
/// <c>Supported</c> and by the <c>Require</c> check (RFC 3261 §8.2.1, §8.2.2.3, §20.5, §20.37). A method or an
/// option tag is listed here only once the engine handles it end to end (docs/sip-conformance.md).
/// </summary>
internal static class SipCapabilities
{
    /// <summary>
    /// Methods answered by the switch itself (REGISTER, OPTIONS, MESSAGE), by the B2BUA on a call (INVITE, ACK,
    /// CANCEL, BYE, and INFO, UPDATE, PRACK in a dialog). NOTIFY and REFER are relayed inside a connected call
    /// only, and SUBSCRIBE and PUBLISH not at all, so they are not advertised.
    /// </summary>
    public static readonly IReadOnlyList<SipMethod> Methods =
    [
        SipMethod.Invite, SipMethod.Ack, SipMethod.Cancel, SipMethod.Bye, SipMethod.Options, SipMethod.Register,
        SipMethod.Info, SipMethod.Update, SipMethod.Prack, SipMethod.Message,
    ];

    /// <summary>The <c>Allow</c> value: <see cref="Methods"/>, comma-separated.</summary>
    public static readonly string Allow = string.Join(", ", Methods.Select(m => m.ToText()));

    /// <summary>
    /// Option tags the switch honours when a peer requires them: <c>timer</c> (RFC 4028, see
    /// B2buaCall.SessionTimer). <c>replaces</c> is not implemented, so it is neither supported nor accepted.
    /// </summary>
    public static readonly IReadOnlyList<string> Extensions = ["timer"];

    /// <summary>The <c>Supported</c> value: <see cref="Extensions"/>, comma-separated.</summary>
    public static readonly string Supported = string.Join(", ", Extensions);

    /// <summary>Adds <c>Allow</c> (a 405 or 501 must carry it, §20.5; 2xx to INVITE and OPTIONS should).</summary>
    public static SipResponse WithAllow(SipResponse response)
    {
        response.Headers.Add(HeaderKind.Allow, Allow);
        return response;
    }

    /// <summary>
    /// The option tags of every <c>Require</c> header that the switch does not support, in the order given, each
    /// once; empty when there are none (§8.2.2.3). Tags compare ignoring case.
    /// </summary>
    public static IReadOnlyList<string> UnsupportedRequirements(SipRequest request)
    {
        if (!request.Headers.Contains(HeaderKind.Require))
        {
            return []; // the common case, on every request: no enumerator, no list
        }
        List<string>? unknown = null;
        foreach (string value in request.Headers.GetAll(HeaderKind.Require))
        {
            foreach (string part in value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                if (!Extensions.Contains(part, StringComparer.OrdinalIgnoreCase) && !(unknown?.Contains(part, StringComparer.OrdinalIgnoreCase) ?? false))
                {
                    (unknown ??= []).Add(part);
                }
            }
        }
        return unknown ?? (IReadOnlyList<string>)[];
    }
}
