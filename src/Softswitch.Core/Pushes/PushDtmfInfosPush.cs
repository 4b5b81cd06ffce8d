namespace Softswitch.Core.Pushes;

/// <summary>PushDtmfInfos request body (001_… §4.3): the keys pressed in several IVR menus of call flowNo.</summary>
public sealed record PushDtmfInfosPush
{
    public required long FlowNo { get; init; }
    public required string CallerE164 { get; init; }
    public required string CalleeE164 { get; init; }
    public required string AccessE164 { get; init; }
    public required IReadOnlyList<PushDtmf> InfoDtmfs { get; init; }
}
