using Softswitch.Core.Gateways;

namespace Softswitch.Core.Registrations;

/// <summary>Where registrations of phones and registerType 1 gateways are kept across restarts.</summary>
public interface IRegistrationStore
{
    /// <summary>The phone bindings live at <paramref name="now"/>; expired rows are dropped, never returned.</summary>
    Task<IReadOnlyList<RegistrationBinding>> LoadPhoneBindingsAsync(DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>The gateway registrations live at <paramref name="now"/>; expired rows are dropped, never returned.</summary>
    Task<IReadOnlyList<GatewayPresenceEntry>> LoadGatewayBindingsAsync(DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes a batch of changes in one transaction: each key's latest state, a binding to keep (insert or replace)
    /// or null to delete. Either all of it is written or none (the writer then retries the batch).
    /// </summary>
    Task SaveAsync(
        IReadOnlyDictionary<(string E164, string ContactUri), RegistrationBinding?> phones,
        IReadOnlyDictionary<(GatewayKind Kind, string Name), GatewayPresenceEntry?> gateways,
        CancellationToken cancellationToken = default);
}
