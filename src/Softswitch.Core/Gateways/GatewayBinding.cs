namespace Softswitch.Core.Gateways;

/// <summary>
/// Where a gateway that REGISTERed to the switch (registerType 1, 001_… §3.11, §3.16) currently lives: the Contact it
/// bound and the address the REGISTER came from, as the transport saw them (Core knows no SIP wire format, so these
/// stay text). The SIP engine sends a registerType 1 routing gateway's calls there, and identifies a dynamic mapping
/// gateway's requests by the source.
/// </summary>
/// <param name="ContactUri">The bound Contact URI.</param>
/// <param name="Transport">"UDP" or "TCP", as the REGISTER arrived.</param>
/// <param name="SourceIp">The REGISTER's source address.</param>
/// <param name="SourcePort">The REGISTER's source port.</param>
/// <param name="CallId">Call-ID of the REGISTER that made or refreshed the binding (RFC 3261 §10.3 step 7).</param>
/// <param name="CSeq">Its CSeq number: an older one with the same Call-ID must not undo it.</param>
public sealed record GatewayBinding(string ContactUri, string Transport, string SourceIp, int SourcePort, string CallId, uint CSeq);
