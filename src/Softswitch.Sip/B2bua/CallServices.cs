using Softswitch.Core.Calls;
using Softswitch.Core.Cdrs;

namespace Softswitch.Sip.B2bua;

/// <summary>The Core services every call uses: the live-call registry, the CDR recorder, and routing.</summary>
public sealed record CallServices(CallRegistry Registry, CdrRecorder Recorder, CallRouting Routing);
