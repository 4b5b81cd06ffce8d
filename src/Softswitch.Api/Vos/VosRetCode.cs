namespace Softswitch.Api.Vos;

/// <summary>
/// Every retCode the VOS3000 dialect answers. The manual (001_… §1) fixes only that 0 is success, non-zero is
/// failure, and gives -10007 "Not found, operation failed."; the rest is this project's table, kept stable and
/// documented in docs/api-errors.md. Never renumber a code: clients switch on them.
/// </summary>
public enum VosRetCode
{
    Success = 0,

    /// <summary>The body is not well-formed JSON (or repeats a property), or is not a JSON object.</summary>
    MalformedJson = -10001,

    /// <summary>A mandatory field (M in the manual) is absent, null or empty.</summary>
    MissingField = -10002,

    /// <summary>A field has the wrong JSON type (a string where a number belongs…); values are never coerced.</summary>
    WrongType = -10003,

    /// <summary>A value is outside its enumeration or range, or too long.</summary>
    OutOfRange = -10004,

    /// <summary>The object to create already exists.</summary>
    Duplicate = -10005,

    /// <summary>The object is still in use (an account with phones or sub-accounts).</summary>
    DependencyExists = -10006,

    /// <summary>The object (or one it refers to) does not exist; the manual's own example code.</summary>
    NotFound = -10007,

    /// <summary>The client address is not allowed (001_… §2.1 Web access control). Sent with HTTP 403.</summary>
    AccessDenied = -10008,

    /// <summary>The body exceeds the configured limit (1 MiB by default).</summary>
    BodyTooLarge = -10009,

    /// <summary>The Content-Type names a charset other than UTF-8 (001_… §1: the interface is UTF-8).</summary>
    UnsupportedCharset = -10010,

    /// <summary>No interface of that name under /external/server.</summary>
    UnknownInterface = -10011,

    /// <summary>A JSON array of the body holds more items than api.maxArrayItems; the reason names the field and the limit.</summary>
    TooManyItems = -10012,

    /// <summary>
    /// The body ended or stalled before it was complete (fewer bytes than its Content-Length, broken chunked
    /// framing, data arriving too slowly). Sent with HTTP 400 (408 for a stall); the connection is closed.
    /// </summary>
    IncompleteBody = -10013,

    /// <summary>
    /// The request is valid but the switch cannot carry it out yet (CallBack and PlayAudio until the switch
    /// originates calls, issue 9): nothing was placed or stored, so no success is claimed for it.
    /// </summary>
    NotAvailable = -10014,

    /// <summary>An unexpected failure (store unavailable, bug); logged, and nothing was half-applied.</summary>
    InternalError = -10099,
}
