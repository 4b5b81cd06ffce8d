namespace Softswitch.Api.Hosting;

/// <summary>
/// A fault of the configuration or the machine found while starting (a port in use, a missing --config file):
/// its message is the one line printed before the process exits with code 2.
/// </summary>
public sealed class StartupFaultException : Exception
{
    public StartupFaultException(string message)
        : base(message)
    {
    }

    public StartupFaultException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public StartupFaultException()
    {
    }
}
