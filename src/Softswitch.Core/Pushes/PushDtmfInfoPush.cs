namespace Softswitch.Core.Pushes;

/// <summary>PushDtmfInfo request body (001_… §4.2): the keys pressed in one IVR menu of call flowNo.</summary>
public sealed record PushDtmfInfoPush
{
    public required long FlowNo { get; init; }
    public required string CallerE164 { get; init; }
    public required string CalleeE164 { get; init; }
    public required string AccessE164 { get; init; }
    public required string MenuName { get; init; }
    public required string Dtmf { get; init; }
}
