using System.Collections.Frozen;

namespace Softswitch.Sip.B2bua;

/// <summary>
/// One row of a bridge or leg table: in <see cref="From"/>, <see cref="Event"/> leads to <see cref="To"/> and runs
/// <see cref="Handler"/> (after the state has moved, so a handler may fire the next event itself).
/// </summary>
internal sealed record Transition<TState, TEvent>(TState From, TEvent Event, TState To, string Why, Action<B2buaCall, CallInput> Handler)
    where TState : struct, Enum
    where TEvent : struct, Enum;

/// <summary>
/// A (state, event) -> (next, handler) table, after Kamailio's next_state_dlg (docs/architecture.md "State machines"):
/// the only way a bridge or a leg changes state. A pair that is not a row is refused by <see cref="StateMachine{TState,TEvent}"/>.
/// Rendered into docs/b2bua-states.md by <see cref="B2buaDocs"/>.
/// </summary>
internal sealed class TransitionTable<TState, TEvent>
    where TState : struct, Enum
    where TEvent : struct, Enum
{
    private readonly FrozenDictionary<(TState, TEvent), Transition<TState, TEvent>> _byPair;

    public TransitionTable(IEnumerable<Transition<TState, TEvent>> rows)
    {
        var byPair = new Dictionary<(TState, TEvent), Transition<TState, TEvent>>();
        foreach (var row in rows)
        {
            // Two rows for one pair would make the machine depend on row order: a bug in the table itself.
            if (!byPair.TryAdd((row.From, row.Event), row))
            {
                throw new InvalidOperationException($"two rows for ({row.From}, {row.Event})");
            }
        }
        _byPair = byPair.ToFrozenDictionary();
        Rows = [.. byPair.Values.OrderBy(r => r.From).ThenBy(r => r.Event)];
    }

    /// <summary>Every legal transition, by state then event (the enums' declaration order).</summary>
    public IReadOnlyList<Transition<TState, TEvent>> Rows { get; }

    public bool TryGet(TState state, TEvent e, out Transition<TState, TEvent> transition) =>
        _byPair.TryGetValue((state, e), out transition!);
}

/// <summary>
/// The current state of one bridge or one leg, changed only by <see cref="TryMove"/> through its table; a refused
/// pair leaves the state as it was and is reported to <c>refused</c> (which logs it with the Call-ID and counts it).
/// </summary>
internal sealed class StateMachine<TState, TEvent>(TransitionTable<TState, TEvent> table, TState initial, Action<TState, TEvent> refused)
    where TState : struct, Enum
    where TEvent : struct, Enum
{
    public TState State { get; private set; } = initial;

    /// <summary>Moves to the row's next state and returns the row to run, or false (state kept) for an unknown pair.</summary>
    public bool TryMove(TEvent e, out Transition<TState, TEvent> transition)
    {
        if (!table.TryGet(State, e, out transition))
        {
            refused(State, e);
            return false;
        }
        State = transition.To;
        return true;
    }
}
