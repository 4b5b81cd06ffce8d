using System.Net;
using Softswitch.Sip.Messages;

namespace Softswitch.Sip.B2bua;

/// <summary>Which side of the bridge a dialog faces.</summary>
internal enum CallSide
{
    Caller,
    Callee,
}

/// <summary>Who calls whom, as resolved when the call was accepted; fixed for the life of the call.</summary>
internal sealed record CallParties
{
    public required string CallerE164 { get; init; }

    public required string CalleeE164 { get; init; }

    /// <summary>The caller number as it arrived (From user).</summary>
    public required string CallerAccessE164 { get; init; }

    /// <summary>The number as dialled (Request-URI user), before DID resolution.</summary>
    public required string CalleeAccessE164 { get; init; }

    /// <summary>The caller's account (VOS3000 customer), billed for the call.</summary>
    public required string Account { get; init; }

    /// <summary>The calling phone of the switch (line limits); null for a trunk caller.</summary>
    public string? CallerPhone { get; init; }

    /// <summary>The called phone of the switch (line limits); null when the call goes out to gateways.</summary>
    public string? CalleePhone { get; init; }

    /// <summary>The mapping gateway (对接网关) the call came in on (CDR callerGateway, capacity); null for a phone.</summary>
    public string? CallerGateway { get; init; }

    public required IPEndPoint CallerAddress { get; init; }

    public IPEndPoint? CalleeAddress { get; set; }

    /// <summary>From of the INVITEs to the callee: the caller's number (or display number) at the switch.</summary>
    public required NameAddress CalleeSideFrom { get; init; }

    /// <summary>To of the INVITEs to the callee.</summary>
    public required NameAddress CalleeSideTo { get; init; }
}
