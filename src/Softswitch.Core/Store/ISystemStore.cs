using Softswitch.Core.Alarms;
using Softswitch.Core.Ivr;
using Softswitch.Core.IpLimits;

namespace Softswitch.Core.Store;

/// <summary>
/// Durable storage of the media and system area (<see cref="SystemMigrations"/>); see <see cref="ICustomerStore"/>
/// for the write discipline. Every multi-row write is one transaction.
/// </summary>
public interface ISystemStore
{
    /// <summary>When this switch's database was first created (ms since 1970, UTC): GetSoftSwitch's createTime.</summary>
    Task<long> GetCreateTimeAsync(CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Alarm>> LoadAlarmsAsync(CancellationToken cancellationToken = default);

    /// <summary>Inserts the alarm (its Id is ignored) and returns the id given to it.</summary>
    Task<long> InsertAlarmAsync(Alarm alarm, CancellationToken cancellationToken = default);

    /// <summary>Sets the alarm's stopTime (ms since 1970, UTC): it is no longer current.</summary>
    Task UpdateAlarmStopTimeAsync(long id, long stopTime, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<IpLimit>> LoadIpLimitsAsync(CancellationToken cancellationToken = default);

    Task InsertIpLimitAsync(IpLimit limit, CancellationToken cancellationToken = default);

    Task DeleteIpLimitsAsync(IReadOnlyList<string> ips, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<IvrAudio>> LoadIvrAudiosAsync(CancellationToken cancellationToken = default);

    /// <summary>Inserts the audio (its Id is ignored) and returns the id given to it.</summary>
    Task<long> InsertIvrAudioAsync(IvrAudio audio, CancellationToken cancellationToken = default);

    Task UpdateIvrAudioAsync(IvrAudio audio, CancellationToken cancellationToken = default);

    /// <summary>Deletes the audio and, with it, its data.</summary>
    Task DeleteIvrAudioAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>Replaces the audio's WAV bytes and its size in one transaction.</summary>
    Task SaveIvrAudioDataAsync(long id, byte[] data, CancellationToken cancellationToken = default);

    /// <summary>The stored WAV bytes, or null when the audio has none.</summary>
    Task<byte[]?> LoadIvrAudioDataAsync(long id, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<IvrCallRequest>> LoadIvrCallRequestsAsync(CancellationToken cancellationToken = default);

    Task InsertIvrCallRequestAsync(IvrCallRequest request, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<CalleeReservation>> LoadCalleeReservationsAsync(CancellationToken cancellationToken = default);

    /// <summary>Inserts or replaces the reservation of (accessE164, callerE164).</summary>
    Task UpsertCalleeReservationAsync(CalleeReservation reservation, CancellationToken cancellationToken = default);
}
