namespace Softswitch.Core.Billing;

/// <summary>rentType (001_… §3.23): the unit of rentPeriod; for <see cref="Once"/> rentPeriod is a number of seconds.</summary>
public enum SuiteRentType
{
    Day = 0,
    Month = 1,
    Year = 2,
    Once = 3,
}
