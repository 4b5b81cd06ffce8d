using Softswitch.Core.Cdrs;

namespace Softswitch.Core.Journal;

/// <summary>
/// A connected call as journalled: its unique key (also its CDR's callKey), the switch process that journalled it,
/// the CDR as far as it is known at answer (<see cref="Cdr"/>: start is the connect time; stop, hold time and end
/// reason are filled at recovery) and its dialogs (caller's first).
/// </summary>
public sealed record JournalledCall
{
    public required string Key { get; init; }
    public required string BootId { get; init; }
    public required DateTimeOffset ConnectedAt { get; init; }
    public required Cdr Cdr { get; init; }
    public required IReadOnlyList<JournalledDialog> Legs { get; init; }
}
