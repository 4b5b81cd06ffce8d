using System.Text;

namespace Softswitch.Sip.Messages;

/// <summary>SIP request methods known to the engine; anything else is <see cref="Unknown"/> and keeps its text.</summary>
public enum SipMethod
{
    Unknown,
    Invite,
    Ack,
    Bye,
    Cancel,
    Register,
    Options,
    Info,
    Update,
    Prack,
    Subscribe,
    Notify,
    Refer,
    Message,
    Publish,
}

public static class SipMethods
{
    private static readonly string[] Names =
    [
        "", "INVITE", "ACK", "BYE", "CANCEL", "REGISTER", "OPTIONS", "INFO", "UPDATE", "PRACK",
        "SUBSCRIBE", "NOTIFY", "REFER", "MESSAGE", "PUBLISH",
    ];

    private static readonly byte[][] Utf8Names = Names.Select(Encoding.ASCII.GetBytes).ToArray();

    public static string ToText(this SipMethod method) => Names[(int)method];

    /// <summary>Method names are case-sensitive (RFC 3261 §7.1).</summary>
    public static SipMethod Parse(ReadOnlySpan<byte> token)
    {
        for (int i = 1; i < Utf8Names.Length; i++)
        {
            if (token.SequenceEqual(Utf8Names[i]))
            {
                return (SipMethod)i;
            }
        }
        return SipMethod.Unknown;
    }

    public static SipMethod Parse(string token)
    {
        int i = Array.IndexOf(Names, token);
        return i > 0 ? (SipMethod)i : SipMethod.Unknown;
    }
}
