using Softswitch.Core.Routing;
using Softswitch.Core.Calls;
using Softswitch.Sip.B2bua;

namespace Softswitch.Tests.Sip.B2bua;

/// <summary>
/// An attempt source that gives the attempts it was made with, one per failed attempt, then none; it keeps every
/// outcome it was shown (the call's mailbox writes, the test reads).
/// </summary>
internal sealed class ScriptedAttempts(params CallAttempt[] next) : IAttemptSource
{
    private readonly Lock _gate = new();
    private readonly List<AttemptOutcome> _outcomes = [];

    public CallAttempt? Next(AttemptOutcome failed)
    {
        lock (_gate)
        {
            _outcomes.Add(failed);
            return _outcomes.Count <= next.Length ? next[_outcomes.Count - 1] : null;
        }
    }

    public List<AttemptOutcome> Outcomes()
    {
        lock (_gate)
        {
            return [.. _outcomes];
        }
    }
}
