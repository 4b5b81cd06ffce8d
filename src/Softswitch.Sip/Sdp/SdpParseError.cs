namespace Softswitch.Sip.Sdp;

/// <summary>Why a session description was refused; the B2BUA answers 488 Not Acceptable Here with it.</summary>
public enum SdpParseError
{
    None,

    /// <summary>No lines at all.</summary>
    Empty,

    /// <summary>Larger than <see cref="SdpParserLimits.MaxBytes"/>.</summary>
    TooLarge,

    TooManyLines,
    LineTooLong,
    TooManyMedia,

    /// <summary>Not UTF-8 (RFC 4566 §5 default charset), or a control character inside a line.</summary>
    BadEncoding,

    /// <summary>A line that is not <c>&lt;letter&gt;=&lt;value&gt;</c>, or an empty line between lines.</summary>
    BadLineSyntax,

    /// <summary>The first line is not v= (RFC 4566 §5: "v=" first, "o=" second).</summary>
    MissingVersion,

    /// <summary>v= is not 0 (RFC 4566 §5.1).</summary>
    BadVersion,

    /// <summary>The second line is not o= (RFC 4566 §5).</summary>
    MissingOrigin,

    /// <summary>o= does not have six fields or its version is not a number (RFC 4566 §5.2).</summary>
    BadOrigin,

    /// <summary>No s= line at session level (RFC 4566 §5.3).</summary>
    MissingSessionName,

    /// <summary>A session-only line (v=, o=, s=, t=, ...) after the first m= (RFC 4566 §5 ordering).</summary>
    LineOutOfOrder,

    /// <summary>A line that may appear once appears twice (v=, o=, s=, session-level c=).</summary>
    DuplicateLine,

    /// <summary>c= is not <c>IN IP4|IP6 &lt;address&gt;</c> (RFC 4566 §5.7).</summary>
    BadConnection,

    /// <summary>An active stream has no c= at session or media level (RFC 4566 §5.7).</summary>
    MissingConnection,

    /// <summary>t= is not two decimal numbers (RFC 4566 §5.9).</summary>
    BadTiming,

    /// <summary>b= is not <c>&lt;type&gt;:&lt;number&gt;</c> (RFC 4566 §5.8).</summary>
    BadBandwidth,

    /// <summary>a= with an empty or invalid attribute name (RFC 4566 §5.13).</summary>
    BadAttribute,

    /// <summary>No m= line: nothing to negotiate (RFC 3264 §5 allows it, a call does not).</summary>
    MissingMedia,

    /// <summary>m= does not have media, port, proto and at least one format (RFC 4566 §5.14).</summary>
    BadMediaLine,

    /// <summary>The m= port (or port count) is not a number in 0-65535.</summary>
    BadPort,

    /// <summary>An RTP/AVP format that is not a payload type 0-127 (RFC 3551 §6).</summary>
    BadPayloadType,
}
