namespace Softswitch.Sip.Parsing;

/// <summary>Limits enforced before and while parsing, so hostile input never allocates without bound.</summary>
public sealed record SipParserLimits
{
    public static readonly SipParserLimits Default = new();

    /// <summary>
    /// Whole message (start line + headers + body) in bytes, at most 65,535: the largest UDP payload, and what
    /// the parsed header entries can address (16-bit offsets keep a parsed message small).
    /// </summary>
    public int MaxMessageSize
    {
        get;
        init => field = value is > 0 and <= ushort.MaxValue
            ? value
            : throw new ArgumentOutOfRangeException(nameof(MaxMessageSize), value, "must be from 1 to 65,535 bytes");
    } = 65_535;

    public int MaxHeaderCount { get; init; } = 128;

    /// <summary>One physical line, and one header value after unfolding.</summary>
    public int MaxLineLength { get; init; } = 8_192;
}
