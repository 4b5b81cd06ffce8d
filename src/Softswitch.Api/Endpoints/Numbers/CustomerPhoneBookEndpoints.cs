using Softswitch.Api.Composition;
using Softswitch.Api.Vos;
using Softswitch.Core.Numbers;

namespace Softswitch.Api.Endpoints.Numbers;

/// <summary>Account phone books (账户电话簿), 001_… §3.52-§3.55. Translation only: CustomerPhoneBookService decides.</summary>
public static class CustomerPhoneBookEndpoints
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapVos<AccountE164Request, CustomerPhoneBookService>("GetCustomerPhoneBook",
            new("3.52", "Query phone-book entries by account and/or e164; neither lists all.")
            {
                Example = """{"account":"demo"}""",
                Response = typeof(GetCustomerPhoneBookResponse),
            },
            (request, books, _) => Task.FromResult<VosResponse>(new GetCustomerPhoneBookResponse
            {
                InfoCustomerPhoneBooks = books.Query(request.Account, request.E164).Select(InfoCustomerPhoneBook.From).ToArray(),
            }));

        group.MapVos<CustomerPhoneBookRequest, CustomerPhoneBookService>("CreateCustomerPhoneBook",
            new("3.53", "Create a phone-book entry, or replace one in overwrite mode.")
            {
                Mandatory = ["account"],
                Example = """{"account":"demo","e164":"02583001234","shortE164s":["801"],"name":"Li Lei","department":"Sales","deviceType":2,"addressType":1}""",
            },
            async (request, books, ct) => VosResults.From(await books.CreateAsync(request.Account, request.E164,
                request.ToOverwrite(), request, ct)));

        group.MapVos<CustomerPhoneBookRequest, CustomerPhoneBookService>("ModifyCustomerPhoneBook",
            new("3.54", "Modify a phone-book entry; newE164 renumbers it.")
            {
                Mandatory = ["account", "e164"],
                Example = """{"account":"demo","e164":"02583001234","shortE164s":["801","802"],"memo":"two short numbers"}""",
            },
            async (request, books, ct) => VosResults.From(await books.ModifyAsync(request.Account, request.E164,
                request.NewE164, request, ct)));

        group.MapVos<CustomerPhoneBookRequest, CustomerPhoneBookService>("DeleteCustomerPhoneBook",
            new("3.55", "Delete phone-book entries (all or none).")
            {
                Mandatory = ["account", "e164s"],
                Example = """{"account":"demo","e164s":["02583001234"]}""",
            },
            async (request, books, ct) => VosResults.From(await books.DeleteAsync(request.Account, request.E164s, ct)));
    }
}
