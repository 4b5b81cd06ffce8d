using Softswitch.Core.Cdrs;

namespace Softswitch.Api.Composition;

/// <summary>Runs the <see cref="CdrWriter"/> for the host's lifetime and reports what could not be kept on stop.</summary>
internal sealed class CdrWriterHostedService(CdrWriter writer, CdrQueue queue, ILogger<CdrWriterHostedService> logger)
    : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => writer.StartAsync(cancellationToken);

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await writer.StopAsync(cancellationToken);
        CallLog.CdrsFlushed(logger, writer.Written, queue.Refused, writer.Lost);
        if (writer.LastError is { } error)
        {
            CallLog.CdrWriteFailed(logger, error, writer.WriteFailures);
        }
    }
}
