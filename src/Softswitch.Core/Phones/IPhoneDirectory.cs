namespace Softswitch.Core.Phones;

/// <summary>What the SIP registrar and B2BUA need to know about a phone, looked up on the hot path from memory.</summary>
public sealed record PhoneCredentials(string E164, string Password, string Account, bool Locked)
{
    /// <summary>The phone's own lock (001_… §3.6 lockType); <see cref="Locked"/> is true for All or a locked account.</summary>
    public PhoneLockType LockType { get; init; }

    /// <summary>The owning account is locked (§3.1 lockType 1): no calls either way.</summary>
    public bool AccountLocked { get; init; }

    /// <summary>Concurrent-call limits (§3.6); 0 = no limit.</summary>
    public int LineCallIn { get; init; }
    public int LineCallOut { get; init; }
    public int LineCapacity { get; init; }

    /// <summary>一机多号 numbers that also reach this phone (§3.6 dids).</summary>
    public IReadOnlyList<string> Dids { get; init; } = [];

    public string DisplayNumber { get; init; } = "";

    /// <summary>infoPhoneAdditional.rtpSourceCheck (extension): 0 rtp.sourceCheck, 1 latch, 2 strict.</summary>
    public int RtpSourceCheck { get; init; }

    public bool MayCallOut => !AccountLocked && LockType is not (PhoneLockType.CallOut or PhoneLockType.All);

    public bool MayReceive => !AccountLocked && LockType is not (PhoneLockType.CallIn or PhoneLockType.All);
}

/// <summary>In-memory lookup of phones by e164 (VOS3000 CreatePhone). Implemented by the phone service in Core.</summary>
public interface IPhoneDirectory
{
    PhoneCredentials? FindCredentials(string e164);

    /// <summary>The phone a dialled number reaches: by e164, else by one of its dids.</summary>
    PhoneCredentials? FindByNumber(string number);
}
