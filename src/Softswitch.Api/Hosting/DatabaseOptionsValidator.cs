using Microsoft.Extensions.Options;

namespace Softswitch.Api.Hosting;

/// <summary>Fails start-up on an unusable "database.path", naming the value.</summary>
public sealed class DatabaseOptionsValidator : IValidateOptions<DatabaseOptions>
{
    public ValidateOptionsResult Validate(string? name, DatabaseOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.Path))
        {
            return ValidateOptionsResult.Fail("database.path: '' is empty");
        }
        if (options.Path.IndexOfAny(System.IO.Path.GetInvalidPathChars()) >= 0 || Directory.Exists(options.FullPath))
        {
            return ValidateOptionsResult.Fail($"database.path: '{options.Path}' is not a file path");
        }
        return ValidateOptionsResult.Success;
    }
}
