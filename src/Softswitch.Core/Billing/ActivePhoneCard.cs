namespace Softswitch.Core.Billing;

/// <summary>
/// An active phone card (在用电话卡, InfoActivePhoneCard 001_… §3.32-§3.35): a calling-card PIN billed to
/// <see cref="Account"/>. <see cref="BindLimit"/> null means no limit on bound numbers (§3.39 binds them by pin).
/// </summary>
public sealed record ActivePhoneCard
{
    public required string Pin { get; init; }
    public required string Account { get; init; }
    public required string Password { get; init; }
    public string DisplayE164 { get; init; } = "";
    public int? BindLimit { get; init; }
    public long ActiveTime { get; init; }
    public string Memo { get; init; } = "";
}
