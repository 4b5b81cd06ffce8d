namespace Softswitch.Core.Pushes;

/// <summary>
/// CustomerMoneyChange request body (001_… §4.6). Sent only for a top-up or a charge that is not a CDR (§4.6:
/// "仅当账户充值与非话单类扣费触发"); call charges do not push.
/// </summary>
public sealed record CustomerMoneyChangePush(string Account, double Money);
