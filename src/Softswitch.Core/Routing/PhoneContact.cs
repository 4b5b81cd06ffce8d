namespace Softswitch.Core.Routing;

/// <summary>
/// One place to fork a call to a phone: the contact URI as registered (or built for a static-address phone), the
/// transport ("UDP"/"TCP"), and the address the registration came from. The SIP layer keeps its own rule of when the
/// Contact's own address is used instead (a phone registered on its own address, RegisteredContacts).
/// </summary>
public sealed record PhoneContact(string ContactUri, string Transport, string Ip, int Port);
