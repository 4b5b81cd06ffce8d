namespace Softswitch.Core.Phones;

/// <summary>What the SIP registrar and B2BUA need to know about a phone, looked up on the hot path from memory.</summary>
public sealed record PhoneCredentials(string E164, string Password, string Account, bool Locked);

/// <summary>In-memory lookup of phones by e164 (VOS3000 CreatePhone). Implemented by the phone service in Core.</summary>
public interface IPhoneDirectory
{
    PhoneCredentials? FindCredentials(string e164);
}
