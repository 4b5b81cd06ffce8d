using System.Globalization;
using System.Net.Sockets;
using Softswitch.Sip.Messages;

namespace Softswitch.Sip.Trunks;

/// <summary>The REGISTER requests of an upstream registration and the reading of the carrier's 2xx.</summary>
internal sealed partial class UpstreamRegistration
{
    /// <summary>
    /// Sends the next REGISTER of this binding (RFC 3261 §10.2): same Call-ID and From tag, CSeq + 1, To = From = the
    /// address of record <c>sip:name@carrier</c>, Contact = the switch, Expires = what is asked (0 to unregister).
    /// </summary>
    private void Send((HeaderKind Header, string Value)? authorization)
    {
        var local = _owner.LocalEndPoint.EndPoint;
        string user = Uri.EscapeDataString(Target.Name);
        string aor = $"<sip:{user}@{HostText(Target.Address.AddressFamily, Target.Address.ToString())}:{Target.Port}>";
        var request = new SipRequest(SipMethod.Register, new SipUri
        {
            Host = HostText(Target.Address.AddressFamily, Target.Address.ToString()),
            Port = Target.Port,
        });
        request.Headers.Add(HeaderKind.MaxForwards, "70");
        request.Headers.Add(HeaderKind.From, aor + ";tag=" + _fromTag);
        request.Headers.Add(HeaderKind.To, aor);
        request.Headers.Add(HeaderKind.CallId, _callId);
        request.Headers.Add(HeaderKind.CSeq, (++_cseq).ToString(CultureInfo.InvariantCulture) + " REGISTER");
        request.Headers.Add(HeaderKind.Contact, $"<sip:{user}@{HostText(local.AddressFamily, local.Address.ToString())}:{local.Port}>");
        request.Headers.Add(HeaderKind.Expires, _expires.ToString(CultureInfo.InvariantCulture));
        if (authorization is { } credentials)
        {
            request.Headers.Add(credentials.Header, credentials.Value);
        }
        // Set before sending: a transport failure is reported synchronously and must find this as the current request.
        _request = request;
        _owner.Layer.SendRequest(request, _destination, this);
    }

    /// <summary>
    /// How long the carrier keeps our binding (§10.2.4): the expires parameter of the Contact that is ours, else the
    /// Expires header; null when the 2xx says neither (the requested time then counts).
    /// </summary>
    private int? GrantedExpires(SipResponse response)
    {
        var local = _owner.LocalEndPoint.EndPoint;
        string host = local.Address.ToString();
        foreach (string value in response.Headers.GetAll(HeaderKind.Contact))
        {
            NameAddress contact;
            try
            {
                contact = NameAddress.Parse(value);
            }
            catch (SipFormatException)
            {
                continue; // another binding's oddity is not ours to refuse
            }
            bool ours = !contact.IsWildcard
                && string.Equals(contact.Uri.Host.Trim('[', ']'), host, StringComparison.OrdinalIgnoreCase)
                && (contact.Uri.Port ?? 5060) == local.Port;
            if (ours && int.TryParse(contact.Parameters.Get("expires"), NumberStyles.None, CultureInfo.InvariantCulture, out int expires))
            {
                return expires;
            }
        }
        return response.Expires;
    }

    private static string HostText(AddressFamily family, string address) =>
        family == AddressFamily.InterNetworkV6 ? "[" + address + "]" : address;
}
