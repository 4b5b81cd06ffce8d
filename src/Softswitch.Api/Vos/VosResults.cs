using Softswitch.Core.Management;

namespace Softswitch.Api.Vos;

/// <summary>Maps a Core service outcome onto the wire code table (docs/api-errors.md).</summary>
public static class VosResults
{
    public static VosRetCode CodeOf(ServiceError error) => error switch
    {
        ServiceError.None => VosRetCode.Success,
        ServiceError.MissingField => VosRetCode.MissingField,
        ServiceError.OutOfRange => VosRetCode.OutOfRange,
        ServiceError.NotFound => VosRetCode.NotFound,
        ServiceError.Duplicate => VosRetCode.Duplicate,
        ServiceError.DependencyExists => VosRetCode.DependencyExists,
        ServiceError.NotAvailable => VosRetCode.NotAvailable,
        _ => VosRetCode.InternalError,
    };

    public static VosResponse From(ServiceResult result) =>
        result.IsSuccess ? VosResponse.Ok : Fail(result.Error, result.Message);

    public static VosResponse Fail<T>(ServiceResult<T> result) => Fail(result.Error, result.Message);

    private static VosResponse Fail(ServiceError error, string? message) =>
        VosResponse.Fail(CodeOf(error), message ?? error.ToString());
}
