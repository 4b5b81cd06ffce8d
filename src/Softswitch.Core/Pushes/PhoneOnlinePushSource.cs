using System.Collections.Concurrent;
using Softswitch.Core.Phones;
using Softswitch.Core.Registrations;

namespace Softswitch.Core.Pushes;

/// <summary>
/// Publishes PhoneOnline (001_… §4.4) whenever a phone's first binding appears or its last one goes. remoteIp and
/// productId come from the phone's newest binding; for an offline push, when the binding is already gone, from the
/// binding seen when it came online. localIp/localPort are the SIP address the switch advertises (the registration
/// table does not record which local socket took the REGISTER). Subscribed from construction until disposed.
/// </summary>
public sealed class PhoneOnlinePushSource : IDisposable
{
    private readonly RegistrationTable _registrations;
    private readonly IPhoneDirectory _phones;
    private readonly IPushPublisher _publisher;
    private readonly string _localIp;
    private readonly int _localPort;
    private readonly ConcurrentDictionary<string, RegistrationBinding> _lastBinding = new(StringComparer.Ordinal);

    public PhoneOnlinePushSource(RegistrationTable registrations, IPhoneDirectory phones, IPushPublisher publisher,
        string localIp, int localPort)
    {
        _registrations = registrations;
        _phones = phones;
        _publisher = publisher;
        _localIp = localIp;
        _localPort = localPort;
        _registrations.PresenceChanged += OnPresenceChanged;
    }

    public void Dispose() => _registrations.PresenceChanged -= OnPresenceChanged;

    private void OnPresenceChanged(PhonePresenceChange change)
    {
        RegistrationBinding? binding = null;
        if (change.Online)
        {
            var bindings = _registrations.Get(change.E164, change.At);
            binding = bindings.Count == 0 ? null : bindings.MaxBy(b => b.RegisteredAt);
            if (binding is not null)
            {
                _lastBinding[change.E164] = binding;
            }
        }
        else
        {
            _lastBinding.TryRemove(change.E164, out binding);
        }
        _publisher.Publish(PushMessage.PhoneOnline(new PhoneOnlinePush
        {
            E164 = change.E164,
            Dids = _phones.FindCredentials(change.E164)?.Dids ?? [],
            Online = change.Online,
            EventTime = change.At.ToUnixTimeMilliseconds(),
            LocalIp = _localIp,
            LocalPort = _localPort,
            RemoteIp = binding?.SourceIp ?? "",
            ProductId = binding?.UserAgent ?? "",
        }));
    }
}
