using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Softswitch.Core.Billing;
using Softswitch.Core.Calls;
using Softswitch.Core.Cdrs;
using Softswitch.Core.Journal;
using Softswitch.Core.Store;
using Softswitch.Core.TextMessages;

namespace Softswitch.Api.Composition;

/// <summary>Registers the call model and the CDR path (called from AddSoftswitchCore).</summary>
public static class CallServiceCollectionExtensions
{
    /// <summary>How often the journal records that the process is alive while calls are up: the stop-time precision of recovered calls.</summary>
    private static readonly TimeSpan JournalHeartbeat = TimeSpan.FromSeconds(1);

    /// <summary>How long the journal waits before retrying a batch the store refused.</summary>
    private static readonly TimeSpan JournalRetryDelay = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Registers <see cref="CallEvents"/>, <see cref="CallRegistry"/>, the CDR queue (options
    /// <see cref="CdrQueueOptions"/>, the "cdr" section registered by AddSoftswitchCore), <see cref="SqliteCdrStore"/> as
    /// <see cref="ICdrStore"/>, <see cref="CdrService"/>, <see cref="CdrRecorder"/>, the <see cref="CdrWriter"/> as a
    /// hosted service, the text-message record (<see cref="SqliteTextMessageStore"/>, <see cref="TextMessageLog"/>), a
    /// logger for refused transitions, and <see cref="DetachedCallControl"/> as <see cref="ICallControl"/> unless
    /// one is registered (the B2BUA's, registered before or after this, wins). Needs
    /// <see cref="SqliteSoftswitchStore"/> from AddSoftswitchCore.
    /// </summary>
    public static IServiceCollection AddSoftswitchCalls(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<CallEvents>();
        services.AddSingleton<CallRegistry>();
        services.AddSingleton(sp => new CdrQueue(sp.GetRequiredService<IOptions<CdrQueueOptions>>().Value));
        services.AddSingleton<ICdrStore>(sp => new SqliteCdrStore(sp.GetRequiredService<SqliteSoftswitchStore>()));
        services.AddSingleton<CdrService>();
        services.AddSingleton<ICallJournalStore>(sp => new SqliteCallJournalStore(sp.GetRequiredService<SqliteSoftswitchStore>()));
        services.AddSingleton(sp => new CallJournal(sp.GetRequiredService<ICallJournalStore>(), sp.GetRequiredService<TimeProvider>(),
            JournalHeartbeat, JournalRetryDelay));
        services.AddSingleton<CallJournalRecovery>();
        services.AddSingleton<CdrRecorder>();
        services.AddSingleton(sp => new CdrWriter(
            sp.GetRequiredService<CdrQueue>(),
            sp.GetRequiredService<ICdrStore>(),
            sp.GetRequiredService<IOptions<CdrQueueOptions>>().Value,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<CallBilling>()));
        services.AddSingleton<ITextMessageStore>(sp => new SqliteTextMessageStore(sp.GetRequiredService<SqliteSoftswitchStore>()));
        services.AddSingleton<TextMessageLog>();
        services.TryAddSingleton<ICallControl, DetachedCallControl>();
        // Hosted services stop in reverse order of registration; AddSoftswitchCore runs before the SIP engine is
        // registered, so the writer stops after the B2BUA has ended the calls, and drains their CDRs.
        services.AddHostedService<CdrWriterHostedService>();
        // Recovers before the SIP engine starts, and stops after it (and before the CDR writer drains).
        services.AddHostedService<CallJournalHostedService>();
        services.AddHostedService<CallEventLogger>();
        return services;
    }
}
