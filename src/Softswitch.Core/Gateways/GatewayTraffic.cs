namespace Softswitch.Core.Gateways;

/// <summary>
/// What a gateway's calls did over a period (the sliding window or since start), and the figures of
/// InfoGatewayMappingOnline / InfoGatewayRoutingOnline (001_… §3.15, §3.20) derived from it. An attempt counts when
/// it concludes (answered or failed), so calls still ringing do not lower the ratios.
/// </summary>
/// <param name="Attempts">Attempts that concluded: answered or failed.</param>
/// <param name="Answered">Attempts answered (200 OK).</param>
/// <param name="Responded">Attempts the far end responded to: an 18x, an answer, or a final status (not a timeout).</param>
/// <param name="Connected">Attempts that reached the callee: an 18x, an answer, or busy/decline (486, 600, 603).</param>
/// <param name="CallsEnded">Answered calls that ended.</param>
/// <param name="TalkTime">Their total talk time (answer to hang-up).</param>
/// <param name="PddSamples">Attempts whose post-dial delay was measured (first 18x, or the answer without one).</param>
/// <param name="PddTotal">The sum of those delays.</param>
public readonly record struct GatewayTraffic(
    long Attempts,
    long Answered,
    long Responded,
    long Connected,
    long CallsEnded,
    TimeSpan TalkTime,
    long PddSamples,
    TimeSpan PddTotal)
{
    /// <summary>Answer-seizure ratio (呼叫应答率), in percent; null without any attempt.</summary>
    public double? Asr => Percent(Answered, Attempts);

    /// <summary>Response ratio (呼叫回应率), in percent; null without any attempt.</summary>
    public double? ResponseRatio => Percent(Responded, Attempts);

    /// <summary>Connection ratio (呼叫接通率), in percent; null without any attempt.</summary>
    public double? ConnectedRatio => Percent(Connected, Attempts);

    /// <summary>Average call duration (平均通话时长) of the answered calls that ended; null without any.</summary>
    public TimeSpan? Acd => CallsEnded == 0 ? null : TalkTime / CallsEnded;

    /// <summary>Average post-dial delay; null without any sample.</summary>
    public TimeSpan? Pdd => PddSamples == 0 ? null : PddTotal / PddSamples;

    public static GatewayTraffic operator +(GatewayTraffic a, GatewayTraffic b) => new(
        a.Attempts + b.Attempts,
        a.Answered + b.Answered,
        a.Responded + b.Responded,
        a.Connected + b.Connected,
        a.CallsEnded + b.CallsEnded,
        a.TalkTime + b.TalkTime,
        a.PddSamples + b.PddSamples,
        a.PddTotal + b.PddTotal);

    private static double? Percent(long part, long whole) => whole == 0 ? null : 100.0 * part / whole;
}
