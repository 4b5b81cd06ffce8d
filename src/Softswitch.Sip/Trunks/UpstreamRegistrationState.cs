namespace Softswitch.Sip.Trunks;

/// <summary>Where one upstream registration (registerType 2 routing gateway) stands.</summary>
public enum UpstreamRegistrationState
{
    /// <summary>A REGISTER (or its authenticated retry) is in flight and no binding is known yet.</summary>
    Registering,

    /// <summary>The carrier granted a binding; a refresh is scheduled before it lapses.</summary>
    Registered,

    /// <summary>A refresh is in flight while the previous binding still holds.</summary>
    Refreshing,

    /// <summary>The last attempt failed (timeout, 5xx, 4xx); the next one waits for the back-off or Retry-After.</summary>
    BackingOff,

    /// <summary>The carrier refused the credentials (403, or a second challenge that was not stale); retried slowly.</summary>
    Refused,

    /// <summary>A REGISTER with Expires: 0 is in flight (gateway deleted, changed, or the switch stopping).</summary>
    Unregistering,

    /// <summary>Finished: unregistered or abandoned; the object is no longer used.</summary>
    Ended,
}
