using System.Net;
using System.Net.Sockets;

namespace Softswitch.Sip.Simulation;

/// <summary>
/// Checks a <see cref="SimulatedCarrierDefinition"/> field by field; the first fault is returned with the field's
/// JSON name, so both the start-up validator and the HTTP extension refuse precisely.
/// </summary>
public static class SimulatedCarrierRules
{
    public const int MaxNameLength = 64;

    /// <summary>Longest ringing or holding time accepted (one day).</summary>
    public const int MaxMilliseconds = 86_400_000;

    public static (string Field, string Reason)? Check(SimulatedCarrierDefinition d)
    {
        ArgumentNullException.ThrowIfNull(d);
        if (string.IsNullOrEmpty(d.Name) || d.Name.Length > MaxNameLength || !d.Name.All(IsNameChar))
        {
            return ("name", $"must be 1-{MaxNameLength} letters, digits, '-', '_' or '.'");
        }
        if (!IPAddress.TryParse(d.BindAddress, out var bind) || !IPAddress.IsLoopback(bind))
        {
            return ("bindAddress", "must be a loopback address (127.0.0.0/8 or ::1)");
        }
        if (d.Port is < 0 or > 65535)
        {
            return ("port", "must be 0 (any free port) or 1-65535");
        }
        foreach (var (field, value) in new[] { ("answerPercent", d.AnswerPercent), ("busyPercent", d.BusyPercent),
                     ("noAnswerPercent", d.NoAnswerPercent), ("rejectPercent", d.RejectPercent) })
        {
            if (value is < 0 or > 100)
            {
                return (field, "must be between 0 and 100");
            }
        }
        if (d.AnswerPercent + d.BusyPercent + d.NoAnswerPercent + d.RejectPercent != 100)
        {
            return ("answerPercent", "answerPercent + busyPercent + noAnswerPercent + rejectPercent must be 100");
        }
        if (d.RejectStatus is < 400 or > 699 || d.RejectStatus == 487)
        {
            return ("rejectStatus", "must be a final failure status 400-699 other than 487");
        }
        if (d.RetryAfterSeconds is < 0 or > 86_400)
        {
            return ("retryAfterSeconds", "must be between 0 and 86400");
        }
        if (d.AnswerDelayMilliseconds is < 0 or > MaxMilliseconds)
        {
            return ("answerDelayMilliseconds", $"must be between 0 and {MaxMilliseconds}");
        }
        if (d.HoldMilliseconds is < 0 or > MaxMilliseconds)
        {
            return ("holdMilliseconds", $"must be between 0 and {MaxMilliseconds}");
        }
        if (d.HoldMaxMilliseconds != 0 && (d.HoldMaxMilliseconds < d.HoldMilliseconds || d.HoldMaxMilliseconds > MaxMilliseconds))
        {
            return ("holdMaxMilliseconds", $"must be 0 (fixed hold) or between holdMilliseconds and {MaxMilliseconds}");
        }
        if (d.Media is not ("echo" or "silent"))
        {
            return ("media", "must be \"echo\" or \"silent\"");
        }
        return CheckRegistrar(d) ?? CheckRegisterTo(d);
    }

    private static (string, string)? CheckRegistrar(SimulatedCarrierDefinition d)
    {
        if (d.RegistrarUser is null && d.RegistrarPassword is null)
        {
            return null;
        }
        if (!IsCredential(d.RegistrarUser))
        {
            return ("registrarUser", "must be 1-64 printable characters without quote or backslash when registrarPassword is set");
        }
        return IsCredential(d.RegistrarPassword)
            ? null
            : ("registrarPassword", "must be 1-64 printable characters without quote or backslash when registrarUser is set");
    }

    private static (string, string)? CheckRegisterTo(SimulatedCarrierDefinition d)
    {
        if (d.RegisterTo is null && d.RegisterUser is null && d.RegisterPassword is null)
        {
            return null;
        }
        if (d.RegisterTo is null || !IPEndPoint.TryParse(d.RegisterTo, out var target) || target.Port == 0
            || target.AddressFamily is not (AddressFamily.InterNetwork or AddressFamily.InterNetworkV6))
        {
            return ("registerTo", "must be the switch's \"ip:port\"");
        }
        if (!IsCredential(d.RegisterUser))
        {
            return ("registerUser", "must be 1-64 printable characters without quote or backslash");
        }
        if (!IsCredential(d.RegisterPassword))
        {
            return ("registerPassword", "must be 1-64 printable characters without quote or backslash");
        }
        return d.RegisterExpiresSeconds is < 60 or > 86_400 ? ("registerExpiresSeconds", "must be between 60 and 86400") : null;
    }

    private static bool IsNameChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.';

    private static bool IsCredential(string? value) =>
        value is { Length: > 0 and <= 64 } && value.All(c => c > 0x20 && c < 0x7F && c is not ('"' or '\\'));
}
