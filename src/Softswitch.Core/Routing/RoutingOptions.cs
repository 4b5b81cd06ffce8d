using System.ComponentModel.DataAnnotations;

namespace Softswitch.Core.Routing;

/// <summary>
/// The "routing" section (docs/routing.md): the system values the router uses where VOS3000 leaves a setting to
/// "系统参数", and the failover limits vos-routing §3 decides. Per-key ranges are attributes
/// (<see cref="Configuration.OptionRules"/>); <see cref="Validate"/> adds the rules on the lists.
/// </summary>
public sealed class RoutingOptions
{
    public const string Section = "routing";

    /// <summary>
    /// Final statuses after which a gateway with switchAllowErrorCode false stops failing over (vos-routing §3). The
    /// default names statuses that say something about the number itself, which another carrier would repeat: 404,
    /// 484 (address incomplete), 485 (ambiguous), 603 (decline), 604 (does not exist anywhere). Every other failure
    /// (503, 502, 480, 408 …) fails over. A read-only list, so a configured list replaces the default (the binder
    /// appends to a List).
    /// </summary>
    public IReadOnlyList<int> SwitchErrorCodes { get; set; } = [404, 484, 485, 603, 604];

    /// <summary>Attempts sent for one call at most, the first one included.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 5;

    /// <summary>No new attempt starts this long after the INVITE arrived; the call then ends with SetupDeadlineReached.</summary>
    [Range(1, 3_600)]
    public int SetupDeadlineSeconds { get; set; } = 120;

    /// <summary><see cref="SetupDeadlineSeconds"/> as a span.</summary>
    public TimeSpan SetupDeadline => TimeSpan.FromSeconds(SetupDeadlineSeconds);

    /// <summary>
    /// System value of maxCallDurationLower / maxCallDurationUpper (-1 on a gateway) and of a phone's
    /// callDurationLimit -1, in seconds; 0 = unlimited.
    /// </summary>
    [Range(0, 864_000)]
    public int MaxCallDurationSeconds { get; set; }

    /// <summary>System value of a phone's useRoutingGatewayNotOnline 0: an offline callee phone is tried through gateways.</summary>
    public bool UseRoutingGatewayNotOnline { get; set; }

    /// <summary>Fewer attempts than this on a gateway and its ASR is unknown: it ranks first under the ASR policy, so it gets measured.</summary>
    [Range(1, 1_000_000)]
    public int QualityMinAttempts { get; set; } = 20;

    /// <summary>Adds one line per broken cross-key rule, naming the key.</summary>
    public void Validate(ICollection<string> failures)
    {
        ArgumentNullException.ThrowIfNull(failures);
        foreach (int code in SwitchErrorCodes)
        {
            if (code is < 300 or > 699)
            {
                failures.Add($"{Section}.switchErrorCodes: {code} is not a final error status (300-699)");
            }
        }
    }
}
