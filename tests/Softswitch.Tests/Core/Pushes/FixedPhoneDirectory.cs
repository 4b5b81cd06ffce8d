using Softswitch.Core.Phones;

namespace Softswitch.Tests.Core.Pushes;

/// <summary>A phone directory holding fixed phones, for the PhoneOnline dids field.</summary>
internal sealed class FixedPhoneDirectory(params PhoneCredentials[] phones) : IPhoneDirectory
{
    public PhoneCredentials? FindCredentials(string e164) => phones.FirstOrDefault(p => p.E164 == e164);

    public PhoneCredentials? FindByNumber(string number) =>
        phones.FirstOrDefault(p => p.E164 == number || p.Dids.Contains(number));
}
