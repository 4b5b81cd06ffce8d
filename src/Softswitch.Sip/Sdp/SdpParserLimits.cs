namespace Softswitch.Sip.Sdp;

/// <summary>Limits checked before parsing work proportional to the input (docs/architecture.md "Bad input").</summary>
public sealed record SdpParserLimits
{
    public static readonly SdpParserLimits Default = new();

    /// <summary>Whole body in bytes; real offers are well under 4 KB, WebRTC ones under 8 KB.</summary>
    public int MaxBytes { get; init; } = 16_384;

    public int MaxLines { get; init; } = 256;

    public int MaxLineLength { get; init; } = 1_024;

    public int MaxMedia { get; init; } = 16;
}
