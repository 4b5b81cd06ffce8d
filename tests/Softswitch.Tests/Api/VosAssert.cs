using System.Text.Json;

namespace Softswitch.Tests.Api;

/// <summary>Shorthands for reading VOS3000 answers in endpoint tests.</summary>
internal static class VosAssert
{
    public static int RetCode(JsonElement e) => e.GetProperty("retCode").GetInt32();

    public static string Reason(JsonElement e) => e.TryGetProperty("exception", out var x) ? x.GetString() ?? "" : "";

    /// <summary>Asserts a failure with <paramref name="code"/> whose reason names <paramref name="field"/>.</summary>
    public static void Refused(JsonElement e, int code, string field)
    {
        Assert.That(RetCode(e), Is.EqualTo(code), Reason(e));
        Assert.That(Reason(e), Does.Contain(field));
    }

    public static void Ok(JsonElement e) => Assert.That(RetCode(e), Is.Zero, Reason(e));
}
