using Softswitch.Core.Management;

namespace Softswitch.Core.Numbers;

/// <summary>Number conversion (号码变换表, 001_… §3.45, §3.79-§3.81).</summary>
public sealed class E164ConvertService
{
    private readonly DirectoryState _directory;
    private readonly NumberState _numbers;

    public E164ConvertService(DirectoryState directory, NumberState numbers)
    {
        _directory = directory;
        _numbers = numbers;
    }

    /// <summary>The account a conversion bills to: the current owner of its platform number ("" if it is gone).</summary>
    public string AccountOf(E164Convert convert) => _directory.FindPhone(convert.E164)?.Account ?? "";

    /// <summary>
    /// CreateE164Convert (§3.79): every field is M (memo may be empty). e164 must be a phone on the platform, since
    /// InfoE164Convert reports its account; the mapping-gateway caller is unique because the engine looks it up.
    /// Returns the new id.
    /// </summary>
    public async Task<ServiceResult<long>> CreateAsync(string? mappingGatewayCallerE164, string? e164,
        string? routingGatewayCalleeE164, string? memo, CancellationToken cancellationToken = default)
    {
        var invalid = FieldRules.Number(mappingGatewayCallerE164, "mappingGatewayCallerE164")
            ?? FieldRules.Number(e164, "e164")
            ?? FieldRules.Number(routingGatewayCalleeE164, "routingGatewayCalleeE164")
            ?? (memo is null ? ServiceResult.Fail(ServiceError.MissingField, "memo", "Missing mandatory field 'memo'.") : null)
            ?? FieldRules.Length(memo, "memo");
        if (invalid is not null)
        {
            return invalid.As<long>();
        }
        await _numbers.LoadAsync(cancellationToken);
        using (await _directory.EnterWriteAsync(cancellationToken))
        {
            if (_directory.FindPhone(e164!) is null)
            {
                return new(ServiceError.NotFound, "e164", $"Phone '{e164}' does not exist (e164).", 0);
            }
            if (_numbers.ConvertForMappingCaller(mappingGatewayCallerE164!) is { } clash)
            {
                return new(ServiceError.Duplicate, "mappingGatewayCallerE164",
                    $"Caller '{mappingGatewayCallerE164}' is already converted by row {clash.Id} (mappingGatewayCallerE164).", 0);
            }
            var convert = new E164Convert(0, e164!, mappingGatewayCallerE164!, routingGatewayCalleeE164!, memo!);
            long id = await _numbers.Store.InsertE164ConvertAsync(convert, cancellationToken);
            _numbers.PutE164Convert(convert with { Id = id });
            return ServiceResult<long>.Success(id);
        }
    }

    /// <summary>ModifyE164Convert (§3.80): the two numbers and the memo; e164 is fixed.</summary>
    public async Task<ServiceResult> ModifyAsync(long? id, string? mappingGatewayCallerE164, string? routingGatewayCalleeE164,
        string? memo, CancellationToken cancellationToken = default)
    {
        var invalid = (id is null ? ServiceResult.Fail(ServiceError.MissingField, "id", "Missing mandatory field 'id'.") : null)
            ?? (mappingGatewayCallerE164 is null ? null : FieldRules.Number(mappingGatewayCallerE164, "mappingGatewayCallerE164"))
            ?? (routingGatewayCalleeE164 is null ? null : FieldRules.Number(routingGatewayCalleeE164, "routingGatewayCalleeE164"))
            ?? FieldRules.Length(memo, "memo");
        if (invalid is not null)
        {
            return invalid;
        }
        await _numbers.LoadAsync(cancellationToken);
        using (await _directory.EnterWriteAsync(cancellationToken))
        {
            if (_numbers.FindE164Convert(id!.Value) is not { } existing)
            {
                return NotFound(id.Value);
            }
            var convert = existing with
            {
                MappingGatewayCallerE164 = mappingGatewayCallerE164 ?? existing.MappingGatewayCallerE164,
                RoutingGatewayCalleeE164 = routingGatewayCalleeE164 ?? existing.RoutingGatewayCalleeE164,
                Memo = memo ?? existing.Memo,
            };
            if (_numbers.ConvertForMappingCaller(convert.MappingGatewayCallerE164) is { } clash && clash.Id != convert.Id)
            {
                return ServiceResult.Fail(ServiceError.Duplicate, "mappingGatewayCallerE164",
                    $"Caller '{convert.MappingGatewayCallerE164}' is already converted by row {clash.Id} (mappingGatewayCallerE164).");
            }
            await _numbers.Store.UpdateE164ConvertAsync(convert, cancellationToken);
            _numbers.PutE164Convert(convert);
            return ServiceResult.Ok;
        }
    }

    /// <summary>DeleteE164Convert (§3.81).</summary>
    public async Task<ServiceResult> DeleteAsync(long? id, CancellationToken cancellationToken = default)
    {
        if (id is null)
        {
            return ServiceResult.Fail(ServiceError.MissingField, "id", "Missing mandatory field 'id'.");
        }
        await _numbers.LoadAsync(cancellationToken);
        using (await _directory.EnterWriteAsync(cancellationToken))
        {
            if (_numbers.FindE164Convert(id.Value) is null)
            {
                return NotFound(id.Value);
            }
            await _numbers.Store.DeleteE164ConvertAsync(id.Value, cancellationToken);
            _numbers.RemoveE164Convert(id.Value);
            return ServiceResult.Ok;
        }
    }

    /// <summary>GetE164Convert (§3.45): rows filtered by account and/or e164; neither filter lists all.</summary>
    public IReadOnlyList<E164Convert> Query(string? account, string? e164) =>
        _numbers.E164Converts
            .Where(c => (e164 is null || c.E164 == e164) && (account is null || AccountOf(c) == account))
            .OrderBy(c => c.Id)
            .ToArray();

    private static ServiceResult NotFound(long id) =>
        ServiceResult.Fail(ServiceError.NotFound, "id", $"Number conversion {id} not found (id).");
}
