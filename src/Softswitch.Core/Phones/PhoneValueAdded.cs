namespace Softswitch.Core.Phones;

/// <summary>
/// InfoPhoneValueAdded (001_… §3.6): the phone's value-added services (forwarding, colour ring, voice mail…).
/// Every field is optional and null means "not set, the system parameter decides"; names are the manual's.
/// </summary>
public sealed record PhoneValueAdded
{
    public static readonly PhoneValueAdded Empty = new();

    public bool? CallerIdDisplay { get; init; }
    public bool? CallTransfer { get; init; }
    public bool? DoNotDisturb { get; init; }
    public bool? PeriodForwarding { get; init; }
    public IReadOnlyList<PhoneValueAddedPeriodForwarding>? InfoPhoneValueAddedPeriodForwardings { get; init; }
    public bool? UnconditionalForward { get; init; }
    public PhoneValueAddedForwardE164? UnconditionalForwardE164 { get; init; }
    public bool? NoAnswerForward { get; init; }
    public PhoneValueAddedForwardE164? NoAnswerForwardE164 { get; init; }
    public bool? OfflineForward { get; init; }
    public PhoneValueAddedForwardE164? OfflineForwardE164 { get; init; }
    public bool? BusyForward { get; init; }
    public PhoneValueAddedForwardE164? BusyForwardE164 { get; init; }

    /// <summary>0:system default 1:original caller 2:this phone's number (also the two transfer displays).</summary>
    public int? CallForwardDisplay { get; init; }
    public int? CallTransferNormalDisplay { get; init; }
    public int? CallTransferAskDisplay { get; init; }
    public bool? ColorRing { get; init; }
    public bool? RemoteColorRingPassthrough { get; init; }
    public string? ColorRingName { get; init; }
    public string? Language { get; init; }

    /// <summary>0:system default 1:on 2:off.</summary>
    public int? UnableToConnectVoicePrompts { get; init; }

    /// <summary>0:system default 1:remaining money 2:remaining minutes 3:no prompt.</summary>
    public int? CallRemainingTimePrompts { get; init; }

    /// <summary>0:system default 1:on 2:off.</summary>
    public int? BalanceNotEnoughAlarm { get; init; }
    public bool? VoiceMail { get; init; }
    public bool? VoiceMailCheckPassword { get; init; }

    /// <summary>Messages kept; -1 = system parameter.</summary>
    public int? VoiceMailMaxNumber { get; init; }

    /// <summary>Days a message is kept; -1 = system parameter.</summary>
    public int? VoiceMailExpireDay { get; init; }

    /// <summary>0:default 1:custom.</summary>
    public int? VoiceMailAudioType { get; init; }
}
