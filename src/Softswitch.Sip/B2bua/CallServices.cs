using Softswitch.Core.Calls;
using Softswitch.Core.Cdrs;
using Softswitch.Core.Journal;

namespace Softswitch.Sip.B2bua;

/// <summary>
/// The Core services every call uses: the live-call registry, the CDR recorder, routing, and the live-call journal
/// (null: answered calls are not journalled, docs/crash-recovery.md).
/// </summary>
public sealed record CallServices(CallRegistry Registry, CdrRecorder Recorder, CallRouting Routing, CallJournal? Journal = null);
