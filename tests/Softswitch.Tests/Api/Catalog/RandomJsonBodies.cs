using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Softswitch.Tests.Api.Catalog;

/// <summary>
/// Seeded random request bodies for the fuzz test: the endpoint's example with fields replaced by values of random
/// types (nested objects and arrays, huge and fractional numbers, long and odd strings, nulls), extra and duplicate
/// keys, bodies that are not objects, and bytes that are not UTF-8. The same seed gives the same bodies.
/// </summary>
internal sealed class RandomJsonBodies(int seed)
{
    private static readonly string[] Numbers =
    [
        "0", "-1", "1", "2147483647", "2147483648", "-2147483649", "9223372036854775807", "9223372036854775808",
        "-9223372036854775809", "99999999999999999999999999999", "1e400", "-1e400", "1.5", "-0.0", "1E2", "4.9e-324",
    ];

    private static readonly string[] Strings =
    [
        "", " ", "0", "-1", "null", "true", "20260231", "99999999", "abc", "a\u0000b", "\u202e\ud83d\ude00", "%00",
        "sip:x@y", "192.0.2.1", "1001", "demo", "' OR 1=1 --", "../../etc/passwd", "\r\nX: y",
    ];

    // Past SQLite's 32,766 host parameters (GetCdr accounts was an internal error there, issue 12 hole 9).
    private static readonly int[] ArrayLengths = [1, 2_000, 40_000];

    private readonly Random _random = new(seed);

    /// <summary>One body for an endpoint whose example is <paramref name="example"/>, as the bytes to send.</summary>
    public byte[] Next(string example)
    {
        switch (_random.Next(10))
        {
            case 0:
                return Encoding.UTF8.GetBytes(Value(3)?.ToJsonString() ?? "null");
            case 1:
                return InvalidUtf8(Mutated(example).ToJsonString());
            case 2:
                return Encoding.UTF8.GetBytes(DuplicateKey(Mutated(example).ToJsonString()));
            default:
                return Encoding.UTF8.GetBytes(Mutated(example).ToJsonString());
        }
    }

    private JsonObject Mutated(string example)
    {
        var body = JsonNode.Parse(example)!.AsObject();
        foreach (string key in body.Select(p => p.Key).ToArray())
        {
            int roll = _random.Next(4);
            if (roll == 0)
            {
                body[key] = Value(4);
            }
            else if (roll == 1 && body[key] is JsonObject nested)
            {
                foreach (string inner in nested.Select(p => p.Key).ToArray())
                {
                    nested[inner] = _random.Next(2) == 0 ? Value(2) : nested[inner]?.DeepClone();
                }
            }
            else if (roll == 2 && _random.Next(4) == 0)
            {
                body.Remove(key);
            }
        }
        if (_random.Next(4) == 0)
        {
            body["extra" + _random.Next(100)] = Value(3);
        }
        return body;
    }

    private JsonNode? Value(int depth)
    {
        int kinds = depth > 0 ? 8 : 5;
        return _random.Next(kinds) switch
        {
            0 => null,
            1 => JsonValue.Create(_random.Next(2) == 0),
            2 => JsonNode.Parse(Numbers[_random.Next(Numbers.Length)]),
            3 => JsonValue.Create(Strings[_random.Next(Strings.Length)]),
            4 => JsonValue.Create(new string((char)('0' + _random.Next(75)), _random.Next(2) == 0 ? 256 : 70_000)),
            5 => new JsonArray(Enumerable.Range(0, _random.Next(5)).Select(_ => Value(depth - 1)).ToArray()),
            6 => new JsonArray(Enumerable.Range(0, ArrayLengths[_random.Next(ArrayLengths.Length)])
                .Select(i => (JsonNode?)JsonValue.Create(i.ToString(CultureInfo.InvariantCulture))).ToArray()),
            _ => new JsonObject(Enumerable.Range(0, _random.Next(4))
                .Select(i => KeyValuePair.Create("k" + i, Value(depth - 1)))),
        };
    }

    /// <summary>The first property written twice (the parser must refuse it, not keep either silently).</summary>
    private string DuplicateKey(string json)
    {
        int colon = json.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0 || json[0] != '{')
        {
            return json;
        }
        string firstKey = json[1..colon];
        return "{" + firstKey + ":" + (_random.Next(2) == 0 ? "null" : "1") + "," + json[1..];
    }

    /// <summary>The body with a byte that cannot occur in UTF-8 inside its first string (or at its start).</summary>
    private byte[] InvalidUtf8(string json)
    {
        var bytes = new List<byte>(Encoding.UTF8.GetBytes(json));
        int quote = json.IndexOf('"', StringComparison.Ordinal);
        byte[] bad = _random.Next(3) switch { 0 => [0xFF], 1 => [0xC3], _ => [0xED, 0xA0, 0x80] };
        bytes.InsertRange(quote < 0 ? 0 : quote + 1, bad);
        return bytes.ToArray();
    }
}
