using Softswitch.Api.Vos;
using Softswitch.Core.Phones;

namespace Softswitch.Api.Endpoints;

/// <summary>
/// Phone interfaces, 001_… §3.6-§3.10 and §3.83. Translation only: every decision is PhoneService's.
/// </summary>
public static class PhoneEndpoints
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapPost("/CreatePhone", (HttpContext context, PhoneService phones) =>
            VosPipeline.HandleAsync(context, async (body, ct) =>
            {
                if (body.Read(out CreatePhoneRequest request, "autoCreateAccount", "e164") is { } error)
                {
                    return error;
                }
                var result = await phones.CreateAsync(request.AutoCreateAccount!.Value, request.E164,
                    request.ToChanges(), ct);
                return result.IsSuccess
                    ? new CreatePhoneResponse { Password = result.Value!.Password }
                    : VosResults.Fail(result);
            }));

        group.MapPost("/ModifyPhone", (HttpContext context, PhoneService phones) =>
            VosPipeline.HandleAsync(context, async (body, ct) =>
            {
                if (body.Read(out InfoPhone request, "e164") is { } error)
                {
                    return error;
                }
                return VosResults.From(await phones.ModifyAsync(request.E164, request.ToChanges(), ct));
            }));

        group.MapPost("/DeletePhone", (HttpContext context, PhoneService phones) =>
            VosPipeline.HandleAsync(context, async (body, ct) =>
            {
                if (body.Read(out E164Request request, "e164") is { } error)
                {
                    return error;
                }
                return VosResults.From(await phones.DeleteAsync(request.E164, ct));
            }));

        group.MapPost("/GetPhone", (HttpContext context, PhoneService phones) =>
            VosPipeline.HandleAsync(context, (body, _) =>
            {
                if (body.Read(out GetPhoneRequest request) is { } error)
                {
                    return Task.FromResult(error);
                }
                var result = phones.Query(request.E164s, request.Accounts);
                VosResponse response = result.IsSuccess
                    ? new GetPhoneResponse { InfoPhones = result.Value!.Select(InfoPhone.From).ToArray() }
                    : VosResults.Fail(result);
                return Task.FromResult(response);
            }));

        group.MapPost("/GetPhoneOnline", (HttpContext context, PhoneService phones) =>
            VosPipeline.HandleAsync(context, (body, _) =>
            {
                if (body.Read(out GetPhoneRequest request, "e164s") is { } error)
                {
                    return Task.FromResult(error);
                }
                VosResponse response = new GetPhoneOnlineResponse
                {
                    InfoPhoneOnlines = phones.GetOnline(request.E164s!).Select(InfoPhoneOnline.From).ToArray(),
                };
                return Task.FromResult(response);
            }));

        group.MapPost("/GetAllPhoneOnline", (HttpContext context, PhoneService phones) =>
            VosPipeline.HandleAsync(context, (_, _) =>
                Task.FromResult<VosResponse>(new GetAllPhoneOnlineResponse { E164s = phones.GetAllOnline() })));
    }
}
