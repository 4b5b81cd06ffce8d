using System.Text;

namespace Softswitch.Sip.Messages;

/// <summary>
/// The ordered header fields of one message. Fields parsed from the wire are kept as byte ranges into the
/// message's buffer and turned into strings only when read (Kestrel-style: strings only for what is kept).
/// Fields added by the engine carry their text directly. A header line holding several comma-separated values
/// of a list header (Via, Contact, Route, Record-Route) is stored as one field per value by the parser.
/// </summary>
public sealed class SipHeaders
{
    /// <summary>The largest message whose byte ranges an entry can hold (the parser refuses larger ones).</summary>
    internal const int MaxSourceLength = ushort.MaxValue;

    // Kept small (12 bytes) and free of references: a parsed message allocates one array of these and nothing
    // per header. Offsets fit 16 bits since a message is at most 65,535 bytes (MaxSourceLength). Strings live in
    // side arrays created on first use (materialized values, engine-added fields).
    private struct Entry
    {
        public ushort NameStart;
        public ushort NameLength;
        public ushort ValueStart;
        public ushort ValueLength;
        public HeaderKind Kind;

        /// <summary>True when the value (and for Other, the name) is text set by the engine, not bytes.</summary>
        public bool IsText;

        /// <summary>Index into the side string arrays, or -1 when nothing was materialized yet.</summary>
        public short Slot;
    }

    private readonly ReadOnlyMemory<byte> _source;
    private Entry[] _entries;
    private int _count;
    private string?[]? _names;
    private string?[]? _values;
    private int _slots;

    public SipHeaders() : this(ReadOnlyMemory<byte>.Empty, 8)
    {
    }

    internal SipHeaders(ReadOnlyMemory<byte> source, int capacity)
    {
        _source = source;
        _entries = new Entry[Math.Max(capacity, 4)];
    }

    public int Count => _count;

    public HeaderKind KindAt(int index) => EntryAt(index).Kind;

    /// <summary>The header name: canonical long form for known kinds, the wire spelling otherwise.</summary>
    public string NameAt(int index)
    {
        ref Entry e = ref EntryAt(index);
        if (e.Kind != HeaderKind.Other)
        {
            return e.Kind.ToText();
        }
        int slot = SlotOf(ref e);
        return Names()[slot] ??= Encoding.UTF8.GetString(_source.Span.Slice(e.NameStart, e.NameLength));
    }

    /// <summary>Raw bytes of the name as received (for the serializer); empty for a field added as text.</summary>
    internal ReadOnlySpan<byte> RawNameAt(int index)
    {
        ref Entry e = ref EntryAt(index);
        return e.IsText ? default : _source.Span.Slice(e.NameStart, e.NameLength);
    }

    /// <summary>The value with folding (CRLF + white space) collapsed to one space, trimmed.</summary>
    public string ValueAt(int index)
    {
        ref Entry e = ref EntryAt(index);
        int slot = SlotOf(ref e);
        return _values![slot] ??= Materialize(_source.Span.Slice(e.ValueStart, e.ValueLength));
    }

    /// <summary>Raw bytes of a parsed value; empty for a field added as text.</summary>
    public ReadOnlySpan<byte> RawValueAt(int index)
    {
        ref Entry e = ref EntryAt(index);
        return e.IsText ? default : _source.Span.Slice(e.ValueStart, e.ValueLength);
    }

    /// <summary>True when the field came from the wire and was not replaced since.</summary>
    public bool IsRawAt(int index) => !EntryAt(index).IsText;

    public int IndexOf(HeaderKind kind, int start = 0)
    {
        for (int i = start; i < _count; i++)
        {
            if (_entries[i].Kind == kind)
            {
                return i;
            }
        }
        return -1;
    }

    public int IndexOf(string name, int start = 0)
    {
        HeaderKind kind = HeaderNames.Lookup(name);
        if (kind != HeaderKind.Other)
        {
            return IndexOf(kind, start);
        }
        for (int i = start; i < _count; i++)
        {
            if (_entries[i].Kind == HeaderKind.Other && NameEquals(i, name))
            {
                return i;
            }
        }
        return -1;
    }

    // Compares without materializing the wire name: lookups by unknown name should not allocate per field.
    private bool NameEquals(int index, string name)
    {
        ref Entry e = ref _entries[index];
        if (e.IsText || (e.Slot >= 0 && _names?[e.Slot] is not null))
        {
            return string.Equals(NameAt(index), name, StringComparison.OrdinalIgnoreCase);
        }
        ReadOnlySpan<byte> raw = _source.Span.Slice(e.NameStart, e.NameLength);
        if (raw.Length != name.Length)
        {
            return false;
        }
        for (int i = 0; i < raw.Length; i++)
        {
            if (char.ToLowerInvariant((char)raw[i]) != char.ToLowerInvariant(name[i]))
            {
                return false;
            }
        }
        return true;
    }

    public bool Contains(HeaderKind kind) => IndexOf(kind) >= 0;

    /// <summary>First value of a kind, or null.</summary>
    public string? Get(HeaderKind kind)
    {
        int i = IndexOf(kind);
        return i < 0 ? null : ValueAt(i);
    }

    public string? Get(string name)
    {
        int i = IndexOf(name);
        return i < 0 ? null : ValueAt(i);
    }

    public IEnumerable<string> GetAll(HeaderKind kind)
    {
        for (int i = IndexOf(kind); i >= 0; i = IndexOf(kind, i + 1))
        {
            yield return ValueAt(i);
        }
    }

    /// <summary>Every value of a header known by name only (an extension header such as Privacy).</summary>
    public IEnumerable<string> GetAll(string name)
    {
        for (int i = IndexOf(name); i >= 0; i = IndexOf(name, i + 1))
        {
            yield return ValueAt(i);
        }
    }

    public int CountOf(HeaderKind kind)
    {
        int n = 0;
        for (int i = 0; i < _count; i++)
        {
            if (_entries[i].Kind == kind)
            {
                n++;
            }
        }
        return n;
    }

    public void Add(HeaderKind kind, string value) => Insert(_count, kind, null, value);

    public void Add(string name, string value)
    {
        HeaderKind kind = HeaderNames.Lookup(name);
        Insert(_count, kind, kind == HeaderKind.Other ? name : null, value);
    }

    public void Insert(int index, HeaderKind kind, string value) => Insert(index, kind, null, value);

    /// <summary>Replaces every field of the kind by one with this value (added at the end if none existed).</summary>
    public void Set(HeaderKind kind, string value)
    {
        int first = IndexOf(kind);
        if (first < 0)
        {
            Add(kind, value);
            return;
        }
        ref Entry e = ref _entries[first];
        e.IsText = true;
        e.ValueLength = 0;
        // The slot first: SlotOf allocates _values on a parsed message's first materialized field, and an indexer
        // expression would read the (still null) array before calling it.
        int slot = SlotOf(ref e);
        _values![slot] = value;
        RemoveAll(kind, first + 1);
    }

    public int RemoveAll(HeaderKind kind) => RemoveAll(kind, 0);

    public void RemoveAt(int index)
    {
        EntryAt(index);
        Array.Copy(_entries, index + 1, _entries, index, _count - index - 1);
        _entries[--_count] = default;
    }

    /// <summary>Copies every field, materialized, so the copy outlives this message's buffer.</summary>
    public SipHeaders Clone()
    {
        var copy = new SipHeaders(ReadOnlyMemory<byte>.Empty, _count);
        for (int i = 0; i < _count; i++)
        {
            HeaderKind kind = _entries[i].Kind;
            copy.Insert(copy._count, kind, kind == HeaderKind.Other ? NameAt(i) : null, ValueAt(i));
        }
        return copy;
    }

    internal void AddParsed(HeaderKind kind, int nameStart, int nameLength, int valueStart, int valueLength)
    {
        Grow();
        _entries[_count++] = new Entry
        {
            Kind = kind,
            NameStart = checked((ushort)nameStart),
            NameLength = checked((ushort)nameLength),
            ValueStart = checked((ushort)valueStart),
            ValueLength = checked((ushort)valueLength),
            Slot = -1,
        };
    }

    private int RemoveAll(HeaderKind kind, int start)
    {
        int removed = 0;
        for (int i = _count - 1; i >= start; i--)
        {
            if (_entries[i].Kind == kind)
            {
                RemoveAt(i);
                removed++;
            }
        }
        return removed;
    }

    private void Insert(int index, HeaderKind kind, string? name, string value)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan((uint)index, (uint)_count, nameof(index));
        if (kind == HeaderKind.Other && string.IsNullOrEmpty(name))
        {
            throw new ArgumentException("An unknown header needs a name.", nameof(name));
        }
        Grow();
        Array.Copy(_entries, index, _entries, index + 1, _count - index);
        _entries[index] = new Entry { Kind = kind, IsText = true, Slot = -1 };
        int slot = SlotOf(ref _entries[index]);
        if (name is not null)
        {
            Names()[slot] = name;
        }
        _values![slot] = value;
        _count++;
    }

    /// <summary>Gives the entry a slot in the side string arrays (slots are never reused; an entry keeps its own).</summary>
    private int SlotOf(ref Entry e)
    {
        if (e.Slot >= 0)
        {
            return e.Slot;
        }
        if (_values is null || _slots == _values.Length)
        {
            // Small first: the transaction layer reads about five values (Via, From, To, Call-ID, CSeq).
            int size = Math.Max(8, _slots * 2);
            Array.Resize(ref _values, size);
            if (_names is not null)
            {
                Array.Resize(ref _names, size);
            }
        }
        if (_slots == short.MaxValue)
        {
            // Unreachable within SipParserLimits; compact rather than overflow.
            Compact();
        }
        e.Slot = (short)_slots;
        return _slots++;
    }

    /// <summary>Wire names of unknown headers are rarely read, so their array is created apart, on demand.</summary>
    private string?[] Names() => _names ??= new string?[_values!.Length];

    private void Compact()
    {
        var names = new string?[_values!.Length];
        var values = new string?[_values.Length];
        int n = 0;
        for (int i = 0; i < _count; i++)
        {
            ref Entry x = ref _entries[i];
            if (x.Slot >= 0)
            {
                names[n] = _names?[x.Slot];
                values[n] = _values[x.Slot];
                x.Slot = (short)n++;
            }
        }
        _names = names;
        _values = values;
        _slots = n;
    }

    private void Grow()
    {
        if (_count == _entries.Length)
        {
            Array.Resize(ref _entries, _entries.Length * 2);
        }
    }

    private ref Entry EntryAt(int index)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)_count, nameof(index));
        return ref _entries[index];
    }

    private static string Materialize(ReadOnlySpan<byte> raw)
    {
        if (raw.IndexOfAny((byte)'\r', (byte)'\n') < 0)
        {
            return Encoding.UTF8.GetString(raw.Trim(" \t"u8));
        }
        // Folded value (RFC 3261 §7.3.1): each CRLF followed by white space becomes a single space.
        var sb = new StringBuilder(raw.Length);
        string text = Encoding.UTF8.GetString(raw);
        bool pendingSpace = false;
        foreach (char c in text)
        {
            if (c is '\r' or '\n' or ' ' or '\t')
            {
                pendingSpace = true;
                continue;
            }
            if (pendingSpace && sb.Length > 0)
            {
                sb.Append(' ');
            }
            pendingSpace = false;
            sb.Append(c);
        }
        return sb.ToString();
    }
}
