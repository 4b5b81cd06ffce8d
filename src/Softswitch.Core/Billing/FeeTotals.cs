using Softswitch.Core.Cdrs;

namespace Softswitch.Core.Billing;

/// <summary>
/// The sums every fee report carries (001_… §3.48-§3.50), over CDRs as recorded: fee and feeTime per callLevel (1
/// on-net, 2 local, 4 national, 5 international). Money is summed in decimal.
/// </summary>
public sealed class FeeTotals
{
    public long CdrCount { get; private set; }
    public decimal TotalFee { get; private set; }
    public long TotalTime { get; private set; }
    public decimal TotalSuiteFee { get; private set; }
    public long TotalSuiteFeeTime { get; private set; }
    public decimal NetFee { get; private set; }
    public long NetTime { get; private set; }
    public int NetCount { get; private set; }
    public decimal LocalFee { get; private set; }
    public long LocalTime { get; private set; }
    public int LocalCount { get; private set; }
    public decimal DomesticFee { get; private set; }
    public long DomesticTime { get; private set; }
    public int DomesticCount { get; private set; }
    public decimal InternationalFee { get; private set; }
    public long InternationalTime { get; private set; }
    public int InternationalCount { get; private set; }

    public void Add(Cdr cdr)
    {
        decimal fee = Money.From(cdr.Fee);
        CdrCount++;
        TotalFee += fee;
        TotalTime += cdr.FeeTime;
        TotalSuiteFee += Money.From(cdr.SuiteFee);
        TotalSuiteFeeTime += cdr.SuiteFeeTime;
        switch ((FeeRateType)cdr.CallLevel)
        {
            case FeeRateType.OnNet:
                (NetFee, NetTime, NetCount) = (NetFee + fee, NetTime + cdr.FeeTime, NetCount + 1);
                break;
            case FeeRateType.Local:
                (LocalFee, LocalTime, LocalCount) = (LocalFee + fee, LocalTime + cdr.FeeTime, LocalCount + 1);
                break;
            case FeeRateType.National:
                (DomesticFee, DomesticTime, DomesticCount) = (DomesticFee + fee, DomesticTime + cdr.FeeTime, DomesticCount + 1);
                break;
            case FeeRateType.International:
                (InternationalFee, InternationalTime, InternationalCount) =
                    (InternationalFee + fee, InternationalTime + cdr.FeeTime, InternationalCount + 1);
                break;
        }
    }
}
