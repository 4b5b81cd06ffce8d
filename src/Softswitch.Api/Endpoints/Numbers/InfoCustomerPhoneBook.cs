using Softswitch.Core.Numbers;

namespace Softswitch.Api.Endpoints.Numbers;

/// <summary>InfoCustomerPhoneBook (001_… §3.52).</summary>
public sealed record InfoCustomerPhoneBook(string E164, IReadOnlyList<string> ShortE164s, string Name, string Department,
    int DeviceType, int AddressType, int Type, long LastUpdateTime, string Memo)
{
    public static InfoCustomerPhoneBook From(CustomerPhoneBookEntry e) =>
        new(e.E164, e.ShortE164s, e.Name, e.Department, e.DeviceType, e.AddressType, e.Type, e.LastUpdateTime, e.Memo);
}
