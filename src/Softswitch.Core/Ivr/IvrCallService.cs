using System.Collections.Concurrent;
using System.Text.Json;
using Softswitch.Core.Management;
using Softswitch.Core.Numbers;
using Softswitch.Core.Store;

namespace Softswitch.Core.Ivr;

/// <summary>
/// The IVR call interfaces: ReserveCalleeE164 (001_… §3.66), CallBack (§3.60), PlayAudio (§3.61) and
/// DisconnectIvrCall (§3.89). Requests are validated in full (access phone and password, billing passwords when
/// given, audio names) and stored; placing the calls is a later issue, so no IVR call is ever live yet.
/// </summary>
public sealed partial class IvrCallService : IDisposable
{
    private readonly ISystemStore _store;
    private readonly DirectoryState _directory;
    private readonly NumberState _numbers;
    private readonly IvrAudioService _audios;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, IvrCallRequest> _requests = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Access, string Caller), CalleeReservation> _reservations = new();
    private readonly SemaphoreSlim _gate = new(1, 1);
    private long _sequence;
    private volatile bool _loaded;

    public IvrCallService(ISystemStore store, DirectoryState directory, NumberState numbers, IvrAudioService audios,
        TimeProvider time)
    {
        _store = store;
        _directory = directory;
        _numbers = numbers;
        _audios = audios;
        _time = time;
    }

    /// <summary>
    /// ReserveCalleeE164 (§3.66): all four fields mandatory; the access phone's password must match. A new
    /// reservation of the same caller on the same access number replaces the old one.
    /// </summary>
    public async Task<ServiceResult> ReserveCalleeAsync(string? callerE164, string? calleeE164, string? accessE164,
        string? accessE164Password, CancellationToken cancellationToken = default)
    {
        var invalid = FieldRules.Number(callerE164, "callerE164") ?? FieldRules.Number(calleeE164, "calleeE164")
            ?? await CheckAccessAsync(accessE164, accessE164Password, cancellationToken);
        if (invalid is not null)
        {
            return invalid;
        }
        var reservation = new CalleeReservation(accessE164!, callerE164!, calleeE164!, Now);
        await LoadAsync(cancellationToken);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await _store.UpsertCalleeReservationAsync(reservation, cancellationToken);
            _reservations[(reservation.AccessE164, reservation.CallerE164)] = reservation;
            return ServiceResult.Ok;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The callee <paramref name="callerE164"/> reserved on <paramref name="accessE164"/>, if any.</summary>
    public CalleeReservation? FindReservation(string accessE164, string callerE164) =>
        _reservations.GetValueOrDefault((accessE164, callerE164));

    /// <summary>CallBack (§3.60): validated, then refused with NotAvailable until the switch originates calls.</summary>
    public async Task<ServiceResult<IvrCallAccepted>> CallBackAsync(CallBackOrder order, CancellationToken cancellationToken = default)
    {
        var invalid = FieldRules.Number(order.CallerE164, "callerE164")
            ?? CheckCallees(order.CalleeE164s)
            ?? CheckOptionalNumber(order.CallerDisplayNumber, "callerDisplayNumber")
            ?? CheckOptionalNumber(order.CalloutDisplayInFrom, "calloutDisplayInFrom")
            ?? CheckTransactionId(order.TransactionId)
            ?? await CheckAccessAsync(order.AccessE164, order.AccessE164Password, cancellationToken)
            ?? CheckBilling(order.CallbackBillingE164, order.CallbackBillingPassword, "callbackBilling")
            ?? CheckBilling(order.CalloutBillingE164, order.CalloutBillingPassword, "calloutBilling");
        if (invalid is not null)
        {
            return invalid.As<IvrCallAccepted>();
        }
        return NotPlaced("CallBack");
    }

    /// <summary>
    /// PlayAudio (§3.61): validated (every audio named must exist, in the language when one is given), then refused
    /// with NotAvailable until the switch originates calls.
    /// </summary>
    public async Task<ServiceResult<IvrCallAccepted>> PlayAudioAsync(PlayAudioOrder order, CancellationToken cancellationToken = default)
    {
        var invalid = await CheckAudiosAsync(order.Audioes, order.Language, cancellationToken)
            ?? FieldRules.Number(order.Callee, "callee")
            ?? FieldRules.Length(order.Language, "language")
            ?? CheckOptionalNumber(order.CallerDisplayNumber, "callerDisplayNumber")
            ?? CheckOptionalNumber(order.BillingNumber, "billingNumber")
            ?? FieldRules.OneOf(order.BillingNumberType, "billingNumberType", 0, 2, 3)
            ?? CheckTransactionId(order.TransactionId)
            ?? await CheckAccessAsync(order.AccessE164, order.AccessE164Password, cancellationToken);
        if (invalid is not null)
        {
            return invalid.As<IvrCallAccepted>();
        }
        return NotPlaced("PlayAudio");
    }

    /// <summary>
    /// A valid CallBack or PlayAudio is refused rather than answered with a call identifier: the switch does not
    /// originate calls yet (issue 9), and an answer of success would claim a call that is never placed.
    /// </summary>
    private static ServiceResult<IvrCallAccepted> NotPlaced(string name) =>
        ServiceResult.Fail(ServiceError.NotAvailable, "",
            $"{name} is valid but not carried out: the switch does not originate calls yet; nothing was placed or stored.").As<IvrCallAccepted>();

    /// <summary>
    /// DisconnectIvrCall (§3.89): every id must name a live IVR call. None is live until IVR calls are placed, so
    /// a well-formed request answers NotFound naming the ids; an accepted but not yet placed request is not a call.
    /// </summary>
    public ServiceResult Disconnect(IReadOnlyList<string?>? callIdentifiers)
    {
        if (callIdentifiers is null or { Count: 0 })
        {
            return ServiceResult.Fail(ServiceError.MissingField, "callIdentifiers", "Missing mandatory field 'callIdentifiers'.");
        }
        for (int i = 0; i < callIdentifiers.Count; i++)
        {
            if (FieldRules.Required(callIdentifiers[i], $"callIdentifiers[{i}]") is { } bad)
            {
                return bad;
            }
        }
        return ServiceResult.Fail(ServiceError.NotFound, "callIdentifiers",
            $"No live IVR call with callIdentifier {string.Join(", ", callIdentifiers.Distinct())}.");
    }

    /// <summary>Accepted requests, oldest first (for the call placer to come, and tests).</summary>
    public async Task<IReadOnlyList<IvrCallRequest>> RequestsAsync(CancellationToken cancellationToken = default)
    {
        await LoadAsync(cancellationToken);
        return _requests.Values.OrderBy(r => r.CreateTime).ThenBy(r => r.CallIdentifier, StringComparer.Ordinal).ToArray();
    }

    public void Dispose() => _gate.Dispose();

    private long Now => _time.GetUtcNow().ToUnixTimeMilliseconds();

    // Not called while CallBack and PlayAudio are refused (NotPlaced): issue 9 places the call and then records it
    // here, with its unique transactionId and the §3.60 callIdentifier.
    private async Task<ServiceResult<IvrCallAccepted>> AcceptAsync(string kind, string? transactionId, string accessE164,
        string json, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (transactionId is not null && _requests.Values.Any(r => r.TransactionId == transactionId))
            {
                return ServiceResult.Fail(ServiceError.Duplicate, "transactionId",
                    $"transactionId '{transactionId}' was already used.").As<IvrCallAccepted>();
            }
            var request = new IvrCallRequest(NextCallIdentifier(), kind, transactionId, accessE164, json, Now);
            await _store.InsertIvrCallRequestAsync(request, cancellationToken);
            _requests[request.CallIdentifier] = request;
            return ServiceResult<IvrCallAccepted>.Success(new IvrCallAccepted(transactionId, request.CallIdentifier));
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// The A leg's identifier: the time in ms and a 3-digit sequence, then "1"; the B leg will take the same prefix
    /// ending in "2" (§3.60 "B 路与 A 路前缀相同，仅后续尾数递增").
    /// </summary>
    private string NextCallIdentifier()
    {
        string id;
        do
        {
            id = $"{Now}{Interlocked.Increment(ref _sequence) % 1000:D3}1";
        }
        while (_requests.ContainsKey(id));
        return id;
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        if (_loaded)
        {
            return;
        }
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (!_loaded)
            {
                foreach (var request in await _store.LoadIvrCallRequestsAsync(cancellationToken))
                {
                    _requests[request.CallIdentifier] = request;
                }
                foreach (var reservation in await _store.LoadCalleeReservationsAsync(cancellationToken))
                {
                    _reservations[(reservation.AccessE164, reservation.CallerE164)] = reservation;
                }
                _loaded = true;
            }
        }
        finally
        {
            _gate.Release();
        }
    }
}
