using Softswitch.Sip.Messages;

namespace Softswitch.Sip.Parsing;

public static partial class SipParser
{
    /// <summary>
    /// Checks the fields the engine relies on (RFC 3261 §8.1.1: Via, From, To, Call-ID, CSeq; Max-Forwards may be
    /// missing and is tolerated), so that the typed accessors of a parsed message do not throw. Contact, Route and
    /// Record-Route are checked too, since the registrar and the proxy core read them as name-addr.
    /// </summary>
    /// <param name="requestMethod">The request method to match against CSeq; empty for a response.</param>
    private static SipParseResult ValidateRequired(SipHeaders headers, ReadOnlySpan<byte> requestMethod)
    {
        int via = 0, from = 0, to = 0, callId = 0, cseq = 0, maxForwards = 0;
        for (int i = 0; i < headers.Count; i++)
        {
            ReadOnlySpan<byte> raw = headers.RawValueAt(i);
            switch (headers.KindAt(i))
            {
                case HeaderKind.Via:
                    via++;
                    if (!SipValueValidator.IsValidVia(raw))
                    {
                        return Fail(SipParseError.BadVia, "Via");
                    }
                    break;
                case HeaderKind.From:
                    if (++from > 1)
                    {
                        return Fail(SipParseError.DuplicateHeader, "From");
                    }
                    if (!SipValueValidator.IsValidNameAddress(raw) || IsWildcard(raw))
                    {
                        return Fail(SipParseError.BadNameAddress, "From");
                    }
                    break;
                case HeaderKind.To:
                    if (++to > 1)
                    {
                        return Fail(SipParseError.DuplicateHeader, "To");
                    }
                    if (!SipValueValidator.IsValidNameAddress(raw) || IsWildcard(raw))
                    {
                        return Fail(SipParseError.BadNameAddress, "To");
                    }
                    break;
                case HeaderKind.Contact:
                    if (!SipValueValidator.IsValidNameAddress(raw))
                    {
                        return Fail(SipParseError.BadNameAddress, "Contact");
                    }
                    break;
                case HeaderKind.Route or HeaderKind.RecordRoute:
                    if (!SipValueValidator.IsValidNameAddress(raw) || IsWildcard(raw))
                    {
                        return Fail(SipParseError.BadNameAddress, headers.KindAt(i) == HeaderKind.Route ? "Route" : "Record-Route");
                    }
                    break;
                case HeaderKind.CallId:
                    if (++callId > 1)
                    {
                        return Fail(SipParseError.DuplicateHeader, "Call-ID");
                    }
                    if (!SipValueValidator.IsValidCallId(raw))
                    {
                        return Fail(SipParseError.BadHeaderValue, "Call-ID");
                    }
                    break;
                case HeaderKind.CSeq:
                    if (++cseq > 1)
                    {
                        return Fail(SipParseError.DuplicateHeader, "CSeq");
                    }
                    if (!SipValueValidator.IsValidCSeq(raw, out ReadOnlySpan<byte> method))
                    {
                        return Fail(SipParseError.BadCSeq, "CSeq");
                    }
                    // Method names are case-sensitive (RFC 3261 §7.1); the CSeq method must be the request's (§8.1.1.5).
                    if (!requestMethod.IsEmpty && !method.SequenceEqual(requestMethod))
                    {
                        return Fail(SipParseError.CSeqMethodMismatch, "CSeq method differs from the request method");
                    }
                    break;
                case HeaderKind.MaxForwards:
                    // Max-Forwards = 1*DIGIT, 0 to 255 (RFC 3261 §20.22; RFC 4475 §3.1.2.4).
                    if (++maxForwards > 1)
                    {
                        return Fail(SipParseError.DuplicateHeader, "Max-Forwards");
                    }
                    if (!SipValueValidator.TryParseDecimal(raw, 255, out _))
                    {
                        return Fail(SipParseError.BadHeaderValue, "Max-Forwards");
                    }
                    break;
            }
        }
        string? missing = via == 0 ? "Via" : from == 0 ? "From" : to == 0 ? "To" : callId == 0 ? "Call-ID" : cseq == 0 ? "CSeq" : null;
        return missing is null ? default : Fail(SipParseError.MissingHeader, missing);
    }

    private static bool IsWildcard(ReadOnlySpan<byte> raw) => raw.Length == 1 && raw[0] == '*';
}
