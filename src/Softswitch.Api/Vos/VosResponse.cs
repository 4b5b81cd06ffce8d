namespace Softswitch.Api.Vos;

/// <summary>
/// The envelope every interface answers with (001_… §3 "返回格式"): retCode, and exception on failure. Responses
/// with data derive from it and add the manual's fields.
/// </summary>
public record VosResponse
{
    public static readonly VosResponse Ok = new() { RetCode = 0 };

    public int RetCode { get; init; }

    public string? Exception { get; init; }

    public static VosResponse Fail(VosRetCode code, string reason) => new() { RetCode = (int)code, Exception = reason };
}
