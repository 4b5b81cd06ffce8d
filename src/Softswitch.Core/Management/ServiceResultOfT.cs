namespace Softswitch.Core.Management;

/// <summary>Outcome of a management operation that yields a value on success.</summary>
public sealed record ServiceResult<T>(ServiceError Error, string? Field, string? Message, T? Value)
{
    public bool IsSuccess => Error == ServiceError.None;

    public static ServiceResult<T> Success(T value) => new(ServiceError.None, null, null, value);

    public ServiceResult WithoutValue() => IsSuccess ? ServiceResult.Ok : new ServiceResult(Error, Field, Message);
}
