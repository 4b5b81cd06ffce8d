namespace Softswitch.Core.Management;

/// <summary>Outcome of a management operation: success, or an error code with the field it concerns.</summary>
public sealed record ServiceResult(ServiceError Error, string? Field, string? Message)
{
    public static readonly ServiceResult Ok = new(ServiceError.None, null, null);

    public bool IsSuccess => Error == ServiceError.None;

    public static ServiceResult Fail(ServiceError error, string field, string message) => new(error, field, message);

    public ServiceResult<T> As<T>() => new(Error, Field, Message, default);
}
