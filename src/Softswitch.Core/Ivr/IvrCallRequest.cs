namespace Softswitch.Core.Ivr;

/// <summary>
/// An accepted CallBack (001_… §3.60) or PlayAudio (§3.61) request, kept so the call placed for it later (and its
/// CallStateReport and CDR) can be matched by <see cref="CallIdentifier"/> and <see cref="TransactionId"/>.
/// <see cref="Request"/> is the validated request as JSON, passwords left out.
/// </summary>
public sealed record IvrCallRequest(string CallIdentifier, string Kind, string? TransactionId, string AccessE164,
    string Request, long CreateTime)
{
    public const string CallBackKind = "CallBack";
    public const string PlayAudioKind = "PlayAudio";
}
