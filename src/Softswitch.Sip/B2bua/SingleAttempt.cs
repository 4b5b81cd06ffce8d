using Softswitch.Core.Routing;

namespace Softswitch.Sip.B2bua;

/// <summary>A call with one attempt only (phone to phone: the callee's contacts are forked in parallel, once).</summary>
internal sealed class SingleAttempt : IAttemptSource
{
    public static readonly SingleAttempt Instance = new();

    public CallAttempt? Next(AttemptOutcome failed) => null;
}
