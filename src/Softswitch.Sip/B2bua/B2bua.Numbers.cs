using Softswitch.Core.Routing;
using Softswitch.Sip.Messages;

namespace Softswitch.Sip.B2bua;

public sealed partial class B2bua
{
    /// <summary>
    /// Every place the INVITE of a mapping gateway carries a number (001_… §3.11 sipCallerE164Domain /
    /// sipCalleeE164Domain): the user of From, Remote-Party-ID, P-Asserted-Identity, P-Preferred-Identity, To and
    /// Diversion, the From display name, and the Request-URI user. A header that is absent or does not parse is null
    /// (the router then falls back to From / the Request-URI); its first value counts.
    /// </summary>
    private static ReceivedNumbers ReceivedNumbersOf(SipRequest invite, string dialled) => new()
    {
        From = invite.From.Uri.UnescapedUser,
        Display = string.IsNullOrWhiteSpace(invite.From.DisplayName) ? null : invite.From.DisplayName.Trim(),
        RemotePartyId = UserOf(invite, "Remote-Party-ID"),
        PAssertedIdentity = UserOf(invite, "P-Asserted-Identity"),
        PPreferredIdentity = UserOf(invite, "P-Preferred-Identity"),
        To = invite.To.Uri.UnescapedUser,
        RequestUri = dialled,
        Diversion = UserOf(invite, "Diversion"),
    };

    /// <summary>The URI user (or tel number) of a name-addr header's first value; null when absent or malformed.</summary>
    private static string? UserOf(SipRequest request, string header)
    {
        if (request.Headers.Get(header) is not { } value)
        {
            return null;
        }
        int comma = value.IndexOf(',', StringComparison.Ordinal);
        string first = comma > 0 && value.IndexOf('<', StringComparison.Ordinal) is var angle && (angle < 0 || comma < angle) ? value[..comma] : value;
        try
        {
            var uri = NameAddress.Parse(first).Uri;
            return uri.IsTel ? uri.Host : uri.UnescapedUser;
        }
        catch (SipFormatException)
        {
            return null;
        }
    }
}
