using Softswitch.Core.Numbers;

namespace Softswitch.Api.Endpoints.Numbers;

/// <summary>InfoBindedE164 (001_… §3.39); account is the phone card's owner, empty until phone cards exist.</summary>
public sealed record InfoBindedE164(string E164, string Pin, string Account, string DisplayE164, string RewriteRulesOutCallee,
    long BindTime, string Language, string Memo)
{
    public static InfoBindedE164 From(BindedE164 b, string account) =>
        new(b.E164, b.Pin, account, b.DisplayE164, b.RewriteRulesOutCallee, b.BindTime, b.Language, b.Memo);
}
