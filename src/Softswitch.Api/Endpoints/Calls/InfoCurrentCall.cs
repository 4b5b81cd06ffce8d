using Softswitch.Core.Calls;

namespace Softswitch.Api.Endpoints.Calls;

/// <summary>
/// InfoCurrentCall (001_… §3.21). Gateway ids are empty for phones; connectedTime is the connect time, or the
/// arrival time while not connected; keepTime is the state code before answer and the duration in ms after.
/// DTMF modes are 0 (auto) and crypto types 0 (none): the switch negotiates DTMF per call and does not encrypt
/// signalling.
/// </summary>
public sealed record InfoCurrentCall
{
    public required string CallerE164 { get; init; }
    public required string CalleeE164 { get; init; }
    public required string CallerGatewayId { get; init; }
    public required string CalleeGatewayId { get; init; }
    public long ConnectedTime { get; init; }
    public long KeepTime { get; init; }
    public required string CallCodec { get; init; }
    public required string CallerCodec { get; init; }
    public required string CalleeCodec { get; init; }
    public required string CallerRtpIp { get; init; }
    public required string CalleeRtpIp { get; init; }
    public int CallerReceiveDtmf { get; init; }
    public int CallerSendDtmf { get; init; }
    public int CalleeReceiveDtmf { get; init; }
    public int CalleeSendDtmf { get; init; }
    public required InfoRtpFlow CallerInfoRtpFlowAudio { get; init; }
    public required InfoRtpFlow CalleeInfoRtpFlowAudio { get; init; }
    public required InfoRtpFlow CallerInfoRtpFlowVideo { get; init; }
    public required InfoRtpFlow CalleeInfoRtpFlowVideo { get; init; }
    public required string CallerTerminal { get; init; }
    public required string CalleeTerminal { get; init; }
    public int CallerCryptoType { get; init; }
    public int CalleeCryptoType { get; init; }
    public required string CallerLocalIp { get; init; }
    public required string CalleeLocalIp { get; init; }
    public long CallId { get; init; }

    public static InfoCurrentCall From(CallSnapshot c, RtpFlowSnapshot rtp, DateTimeOffset now) => new()
    {
        CallerE164 = c.CallerE164,
        CalleeE164 = c.CalleeE164,
        CallerGatewayId = c.CallerGateway ?? "",
        CalleeGatewayId = c.CalleeGateway ?? "",
        ConnectedTime = (c.ConnectTime ?? c.StartTime).ToUnixTimeMilliseconds(),
        KeepTime = c.KeepTime(now),
        CallCodec = c.CallCodec,
        CallerCodec = c.CallerCodec,
        CalleeCodec = c.CalleeCodec,
        CallerRtpIp = c.CallerRtpIp,
        CalleeRtpIp = c.CalleeRtpIp,
        CallerInfoRtpFlowAudio = InfoRtpFlow.From(rtp.CallerAudio),
        CalleeInfoRtpFlowAudio = InfoRtpFlow.From(rtp.CalleeAudio),
        CallerInfoRtpFlowVideo = InfoRtpFlow.From(rtp.CallerVideo),
        CalleeInfoRtpFlowVideo = InfoRtpFlow.From(rtp.CalleeVideo),
        CallerTerminal = c.CallerProductId,
        CalleeTerminal = c.CalleeProductId,
        CallerLocalIp = c.CallerLocalIp,
        CalleeLocalIp = c.CalleeLocalIp,
        CallId = c.CallId,
    };
}
