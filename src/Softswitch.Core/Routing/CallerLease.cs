namespace Softswitch.Core.Routing;

/// <summary>
/// One use of a caller-pool number (rewriteRulesInCallerUseE164Line, vos-routing §2). Dispose it when the attempt
/// fails, or when the call ends if the attempt was answered; disposing twice releases once.
/// </summary>
public sealed class CallerLease : IDisposable
{
    private readonly CallerNumberPool _pool;
    private int _released;

    internal CallerLease(CallerNumberPool pool, string number)
    {
        _pool = pool;
        Number = number;
    }

    public string Number { get; }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0)
        {
            _pool.Release(Number);
        }
    }
}
