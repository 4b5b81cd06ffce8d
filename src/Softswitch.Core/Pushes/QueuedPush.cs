namespace Softswitch.Core.Pushes;

/// <summary>A published push waiting in memory to be stored; <see cref="CreatedAt"/> is ms since 1970 UTC.</summary>
internal readonly record struct QueuedPush(PushMessage Message, long CreatedAt);
