using Softswitch.Api.Vos;

namespace Softswitch.Api.Endpoints.Numbers;

/// <summary>GetCustomerPhoneBook answer (001_… §3.52).</summary>
public sealed record GetCustomerPhoneBookResponse : VosResponse
{
    public IReadOnlyList<InfoCustomerPhoneBook> InfoCustomerPhoneBooks { get; init; } = [];
}
