using System.Globalization;

namespace Softswitch.Sip.Messages;

/// <summary>
/// Max-Forwards across the B2BUA (RFC 7332 §3, RFC 3261 §16.3 step 3 and §16.6 step 3): a request the switch
/// passes on to another hop (a new INVITE, a MESSAGE, an in-dialog request relayed leg to leg) is refused 483 when
/// it arrives at 0, and otherwise carries the received value less one, so two switches routing to each other
/// cannot loop for ever. A request without the header is treated as a fresh one: the copy carries 70.
/// </summary>
public static class MaxForwards
{
    /// <summary>The value a new request carries (RFC 3261 §8.1.1.6).</summary>
    public const int Initial = 70;

    public const string InitialText = "70";

    /// <summary>The received value, or null when the request has none (the parser has checked 0-255 and uniqueness).</summary>
    public static int? Received(SipRequest request)
    {
        string? value = request.Headers.Get(HeaderKind.MaxForwards);
        return value is not null && int.TryParse(value.AsSpan().Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int n) ? n : null;
    }

    /// <summary>True when the request may not be passed on: it arrived with Max-Forwards 0 (answer 483).</summary>
    public static bool IsExhausted(SipRequest request) => Received(request) == 0;

    /// <summary>The value for the copy sent to the next hop: received - 1, never below 0; 70 when none was received.</summary>
    public static int Next(SipRequest request) => Received(request) is int n ? Math.Max(n - 1, 0) : Initial;

    /// <summary>Sets the copy's Max-Forwards from the request it was made from.</summary>
    public static void CarryOver(SipRequest received, SipRequest forward) =>
        forward.Headers.Set(HeaderKind.MaxForwards, Next(received).ToString(CultureInfo.InvariantCulture));
}
