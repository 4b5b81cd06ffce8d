using System.Collections.Concurrent;

namespace Softswitch.Sip.B2bua;

/// <summary>
/// Runs one call's events one at a time, in the order they were posted, on the thread pool (docs/architecture.md "Hot
/// paths": "Each call's events are handled in order in one serialized context"). Transaction callbacks, timers and API
/// requests post here instead of touching the call directly, so the two legs never race and no lock is held across
/// legs.
/// </summary>
internal sealed class CallMailbox(Action<Exception> onError)
{
    private readonly ConcurrentQueue<Action> _queue = new();
    private int _scheduled;

    public void Post(Action action)
    {
        _queue.Enqueue(action);
        if (Interlocked.CompareExchange(ref _scheduled, 1, 0) == 0)
        {
            ThreadPool.UnsafeQueueUserWorkItem(static box => ((CallMailbox)box!).Drain(), this);
        }
    }

    private void Drain()
    {
        while (true)
        {
            while (_queue.TryDequeue(out var action))
            {
                try
                {
                    action();
                }
                catch (Exception e)
                {
                    onError(e);
                }
            }
            Volatile.Write(ref _scheduled, 0);
            // Something posted between the last dequeue and the reset must not be stranded.
            if (_queue.IsEmpty || Interlocked.CompareExchange(ref _scheduled, 1, 0) != 0)
            {
                return;
            }
        }
    }
}
