using Softswitch.Api.Composition;
using Softswitch.Api.Endpoints.Shared;
using Softswitch.Api.Vos;
using Softswitch.Api.Vos.Catalog;
using Softswitch.Core.Phones;

namespace Softswitch.Api.Endpoints.Phones;

/// <summary>
/// Phone interfaces, 001_… §3.6-§3.10 and §3.83. Translation only: every decision is PhoneService's.
/// </summary>
public static class PhoneEndpoints
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapVos<CreatePhoneRequest, PhoneService>("CreatePhone",
            new("3.6", "Create a phone (SIP user) under an account; answers the password, generated if none given.")
            {
                Mandatory = ["autoCreateAccount", "e164"],
                Example = """{"autoCreateAccount":false,"e164":"8001","account":"acme","password":"secret8001"}""",
                Response = typeof(CreatePhoneResponse),
            },
            async (request, phones, ct) =>
            {
                var result = await phones.CreateAsync(request.AutoCreateAccount!.Value, request.E164,
                    request.Changes(), ct);
                return result.IsSuccess
                    ? new CreatePhoneResponse { Password = result.Value!.Password }
                    : VosResults.Fail(result);
            });

        group.MapVos<PhoneRequest, PhoneService>("ModifyPhone",
            new("3.7", "Modify a phone; absent fields keep their value.")
            {
                Mandatory = ["e164"],
                Example = """{"e164":"8001","displayNumber":"8001","memo":"desk phone"}""",
            },
            async (request, phones, ct) =>
                VosResults.From(await phones.ModifyAsync(request.E164, request.Changes(), ct)));

        group.MapVos<E164Request, PhoneService>("DeletePhone",
            new("3.8", "Delete a phone.")
            {
                Mandatory = ["e164"],
                Example = """{"e164":"8001"}""",
            },
            async (request, phones, ct) => VosResults.From(await phones.DeleteAsync(request.E164, ct)));

        group.MapVos<GetPhoneRequest, PhoneService>("GetPhone",
            new("3.9", "Query phones by E164 and/or by account.")
            {
                Example = """{"accounts":["acme"]}""",
                Response = typeof(GetPhoneResponse),
            },
            (request, phones, _) =>
            {
                var result = phones.Query(request.E164s, request.Accounts);
                VosResponse response = result.IsSuccess
                    ? new GetPhoneResponse { InfoPhones = result.Value! }
                    : VosResults.Fail(result);
                return Task.FromResult(response);
            });

        group.MapVos<GetPhoneRequest, PhoneService>("GetPhoneOnline",
            new("3.10", "Registration state of the given phones (only the registered ones are listed).")
            {
                Mandatory = ["e164s"],
                Example = """{"e164s":["1001","1002"]}""",
                Response = typeof(GetPhoneOnlineResponse),
            },
            (request, phones, _) => Task.FromResult<VosResponse>(new GetPhoneOnlineResponse
            {
                InfoPhoneOnlines = phones.GetOnline(request.E164s!).Select(InfoPhoneOnline.From).ToArray(),
            }));

        group.MapVos<EmptyRequest, PhoneService>("GetAllPhoneOnline",
            new("3.83", "E164 of every registered phone.") { Response = typeof(GetAllPhoneOnlineResponse) },
            (_, phones, _) =>
                Task.FromResult<VosResponse>(new GetAllPhoneOnlineResponse { E164s = phones.GetAllOnline() }));
    }
}
