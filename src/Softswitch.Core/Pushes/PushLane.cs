namespace Softswitch.Core.Pushes;

/// <summary>
/// The undelivered pushes of one lane (<see cref="PushMessage.Lane"/>), oldest first. <see cref="Scheduled"/> is
/// true while the lane is waiting in the ready queue or held by a worker, so at most one of its pushes is in
/// flight: that is what keeps a call's CallStateReports in order (001_… §4.5). Guarded by the dispatcher's lock.
/// </summary>
internal sealed class PushLane(string name)
{
    public string Name { get; } = name;

    public Queue<StoredPush> Items { get; } = new();

    public bool Scheduled { get; set; }
}
