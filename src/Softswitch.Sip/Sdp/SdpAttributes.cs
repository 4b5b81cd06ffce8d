namespace Softswitch.Sip.Sdp;

/// <summary>Lookups over a=&lt;name&gt;[:&lt;value&gt;] lines (RFC 4566 §5.13), shared by both levels.</summary>
internal static class SdpAttributes
{
    /// <summary>The value of the first a=name line: "" for a property attribute, null if there is none.</summary>
    public static string? Find(IReadOnlyList<SdpLine> lines, string name)
    {
        foreach (SdpLine line in lines)
        {
            if (line.Type == 'a' && Matches(line.Value, name, out string? value))
            {
                return value;
            }
        }
        return null;
    }

    public static IEnumerable<string> FindAll(IReadOnlyList<SdpLine> lines, string name)
    {
        foreach (SdpLine line in lines)
        {
            if (line.Type == 'a' && Matches(line.Value, name, out string? value))
            {
                yield return value!;
            }
        }
    }

    public static bool Matches(string attribute, string name, out string? value)
    {
        value = null;
        if (!attribute.StartsWith(name, StringComparison.Ordinal))
        {
            return false;
        }
        if (attribute.Length == name.Length)
        {
            value = "";
            return true;
        }
        if (attribute[name.Length] != ':')
        {
            return false;
        }
        value = attribute[(name.Length + 1)..];
        return true;
    }

    public static string NameOf(string attribute)
    {
        int colon = attribute.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? attribute : attribute[..colon];
    }

    /// <summary>The direction attribute among these lines (RFC 3264 §5.1), or null when none is present.</summary>
    public static SdpDirection? Direction(IReadOnlyList<SdpLine> lines)
    {
        foreach (SdpLine line in lines)
        {
            if (line.Type != 'a')
            {
                continue;
            }
            switch (line.Value)
            {
                case "sendrecv": return SdpDirection.SendRecv;
                case "sendonly": return SdpDirection.SendOnly;
                case "recvonly": return SdpDirection.RecvOnly;
                case "inactive": return SdpDirection.Inactive;
            }
        }
        return null;
    }
}
