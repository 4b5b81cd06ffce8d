namespace Softswitch.Sip.Parsing;

/// <summary>Limits enforced before and while parsing, so hostile input never allocates without bound.</summary>
public sealed record SipParserLimits
{
    public static readonly SipParserLimits Default = new();

    /// <summary>Whole message (start line + headers + body) in bytes.</summary>
    public int MaxMessageSize { get; init; } = 65_535;

    public int MaxHeaderCount { get; init; } = 128;

    /// <summary>One physical line, and one header value after unfolding.</summary>
    public int MaxLineLength { get; init; } = 8_192;
}
