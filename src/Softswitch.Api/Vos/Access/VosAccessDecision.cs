namespace Softswitch.Api.Vos.Access;

/// <summary>Outcome of the access check (001_… §2.1), in the order the checks run.</summary>
public enum VosAccessDecision
{
    Allowed,

    /// <summary>The client address is not granted the directory: HTTP 403.</summary>
    Forbidden,

    /// <summary>The address is granted but the bearer token is absent or wrong: HTTP 401.</summary>
    Unauthorized,
}
