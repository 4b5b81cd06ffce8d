namespace Softswitch.Core.Pushes;

/// <summary>
/// Where code that has something to tell the outside system (001_… §4) hands it over. <see cref="Publish"/> is an
/// in-memory enqueue, safe on the call path: it never blocks and never waits for the database or the receiver. The
/// push is then stored in SQLite and delivered at least once, in order within its lane, until it succeeds or grows
/// older than push.maxAge.
/// </summary>
public interface IPushPublisher
{
    /// <summary>
    /// Queues <paramref name="message"/>. False when pushes are off (push.url empty) or the queue is full (counted
    /// in <see cref="PushStats.QueueFull"/>; the newest push is the one dropped).
    /// </summary>
    bool Publish(PushMessage message);
}
