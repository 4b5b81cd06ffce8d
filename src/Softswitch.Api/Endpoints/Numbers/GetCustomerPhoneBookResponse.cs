namespace Softswitch.Api.Vos;

/// <summary>GetCustomerPhoneBook answer (001_… §3.52).</summary>
public sealed record GetCustomerPhoneBookResponse : VosResponse
{
    public IReadOnlyList<InfoCustomerPhoneBook> InfoCustomerPhoneBooks { get; init; } = [];
}
