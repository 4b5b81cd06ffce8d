namespace Softswitch.Sip.Simulation;

/// <summary>
/// Draws each call's outcome from the carrier's percentages and its hold time from its range, with one injectable
/// random source (seeded in tests, so a mix over N calls is reproducible). Thread-safe.
/// </summary>
public sealed class SimulatedOutcomePicker(SimulatedCarrierDefinition definition, Random random)
{
    private readonly Lock _lock = new();

    public SimulatedOutcome Next()
    {
        int roll;
        lock (_lock)
        {
            roll = random.Next(100);
        }
        if ((roll -= definition.AnswerPercent) < 0)
        {
            return SimulatedOutcome.Answer;
        }
        if ((roll -= definition.BusyPercent) < 0)
        {
            return SimulatedOutcome.Busy;
        }
        return roll - definition.NoAnswerPercent < 0 ? SimulatedOutcome.NoAnswer : SimulatedOutcome.Reject;
    }

    /// <summary>How long an answered call lasts; <see cref="TimeSpan.Zero"/> means until the caller hangs up.</summary>
    public TimeSpan Hold()
    {
        int low = definition.HoldMilliseconds;
        int high = definition.HoldMaxMilliseconds;
        if (high <= low)
        {
            return TimeSpan.FromMilliseconds(low);
        }
        lock (_lock)
        {
            return TimeSpan.FromMilliseconds(random.Next(low, high + 1));
        }
    }
}
