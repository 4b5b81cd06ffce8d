namespace Softswitch.Core.Ivr;

/// <summary>
/// A semi-direct-dial reservation (半直拨, 001_… §3.66): when <see cref="CallerE164"/> next calls the access number
/// <see cref="AccessE164"/>, the IVR flow connects it to <see cref="CalleeE164"/> without asking for digits.
/// </summary>
public sealed record CalleeReservation(string AccessE164, string CallerE164, string CalleeE164, long CreateTime);
