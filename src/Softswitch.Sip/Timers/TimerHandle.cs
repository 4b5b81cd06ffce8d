namespace Softswitch.Sip.Timers;

/// <summary>
/// Identifies one scheduled entry of a <see cref="TimerWheel"/>: a slot index plus the generation the slot had when
/// the entry was scheduled, so a handle kept after its entry fired or was cancelled can never cancel a newer one.
/// <c>default</c> means "no timer".
/// </summary>
public readonly record struct TimerHandle(int Index, uint Generation)
{
    public bool IsNone => Generation == 0;
}
