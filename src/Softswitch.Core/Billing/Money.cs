namespace Softswitch.Core.Billing;

/// <summary>
/// Money arithmetic (docs/billing.md "Money and rounding"). Every amount is computed in decimal and rounded half away
/// from zero to <see cref="Decimals"/> places, the precision the VOS3000 client shows; the store keeps REAL columns,
/// and a double holds any such amount below 10^11 exactly enough to round-trip through decimal (15 significant digits).
/// </summary>
public static class Money
{
    public const int Decimals = 4;

    /// <summary>The largest amount accepted anywhere (a balance, a fee, a payment): keeps doubles exact to 4 places.</summary>
    public const decimal Max = 99_999_999_999m;

    public static decimal Round(decimal value) => Math.Round(value, Decimals, MidpointRounding.AwayFromZero);

    /// <summary>A stored or legacy double as an exact decimal (15 significant digits, as the double was meant).</summary>
    public static decimal From(double value) => double.IsFinite(value) ? Round((decimal)value) : 0m;

    public static double ToDouble(decimal value) => (double)Round(value);
}
