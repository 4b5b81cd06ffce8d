namespace Softswitch.Core.Routing;

/// <summary>
/// A plan's callee when it is a phone of the switch: its e164 and account, the numbers the phone is shown (after its
/// rewriteRulesInCaller / rewriteRulesInCallee, 001_… §3.6), and every live contact, to fork to in parallel.
/// </summary>
public sealed record PhoneDelivery(string E164, string Account, string CallerNumber, string CalleeNumber,
    IReadOnlyList<PhoneContact> Contacts);
