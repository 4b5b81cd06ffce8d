namespace Softswitch.Sip.Messages;

/// <summary>Character classes of the RFC 3261 §25.1 grammar.</summary>
public static class SipSyntax
{
    /// <summary>token = 1*(alphanum / "-" / "." / "!" / "%" / "*" / "_" / "+" / "`" / "'" / "~").</summary>
    public static bool IsTokenChar(char c) =>
        char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '!' or '%' or '*' or '_' or '+' or '`' or '\'' or '~';

    public static bool IsToken(ReadOnlySpan<char> s)
    {
        if (s.IsEmpty)
        {
            return false;
        }
        foreach (char c in s)
        {
            if (!IsTokenChar(c))
            {
                return false;
            }
        }
        return true;
    }

    public static bool IsTokenByte(byte b) => TokenBytes.Contains(b);

    /// <summary>The token characters as bytes, for vectorized scans (IndexOfAnyExcept) over wire input.</summary>
    public static readonly System.Buffers.SearchValues<byte> TokenBytes = System.Buffers.SearchValues.Create(
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-.!%*_+`'~"u8);

    /// <summary>True when every byte is a token character and there is at least one.</summary>
    public static bool IsToken(ReadOnlySpan<byte> s) => !s.IsEmpty && s.IndexOfAnyExcept(TokenBytes) < 0;

    /// <summary>True when the whole text is one quoted-string with valid escapes.</summary>
    public static bool IsQuotedString(ReadOnlySpan<char> s)
    {
        if (s.Length < 2 || s[0] != '"')
        {
            return false;
        }
        for (int i = 1; i < s.Length; i++)
        {
            if (s[i] == '\\')
            {
                i++;
                continue;
            }
            if (s[i] == '"')
            {
                return i == s.Length - 1;
            }
        }
        return false;
    }

    /// <summary>Removes the quotes and backslash escapes of a quoted-string; other text is returned as is.</summary>
    public static string Unquote(string s)
    {
        if (!IsQuotedString(s))
        {
            return s;
        }
        var chars = new char[s.Length];
        int n = 0;
        for (int i = 1; i < s.Length - 1; i++)
        {
            if (s[i] == '\\' && i + 1 < s.Length - 1)
            {
                i++;
            }
            chars[n++] = s[i];
        }
        return new string(chars, 0, n);
    }

    public static string Quote(string s) => "\"" + s.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
}
