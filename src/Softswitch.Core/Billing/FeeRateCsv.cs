using System.Globalization;
using System.Text;

namespace Softswitch.Core.Billing;

/// <summary>
/// The ImportFeeRates text format (docs/billing.md "CSV import"): one rate per line,
/// <c>feePrefix,areaCode,areaName,type,fee,period,lockType,ivrFee,ivrPeriod,sections</c>; trailing columns may be
/// left out; an empty cell means "default". sections is <c>fee/time;fee/time…</c>, positions taken from the order.
/// A first line starting with "feePrefix" is a header; blank lines and lines starting with '#' are skipped. Fields
/// may be quoted as in RFC 4180 (a quote inside a quoted field is doubled), so area names may hold commas.
/// </summary>
public static class FeeRateCsv
{
    public static readonly string[] Columns =
        ["feePrefix", "areaCode", "areaName", "type", "fee", "period", "lockType", "ivrFee", "ivrPeriod", "sections"];

    /// <summary>Parsed lines with their 1-based line numbers, or the first line that cannot be read.</summary>
    public static IReadOnlyList<(int Line, FeeRateInput? Rate, string? Error)> Parse(string text)
    {
        var result = new List<(int, FeeRateInput?, string?)>();
        string[] lines = text.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i].TrimEnd('\r');
            if (line.Trim().Length == 0 || line.TrimStart().StartsWith('#') ||
                (result.Count == 0 && line.TrimStart().StartsWith("feePrefix", StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }
            var (rate, error) = ParseLine(line);
            result.Add((i + 1, rate, error));
            if (error is not null)
            {
                break;
            }
        }
        return result;
    }

    private static (FeeRateInput?, string?) ParseLine(string line)
    {
        if (Split(line) is not { } cells)
        {
            return (null, "unbalanced quotes");
        }
        if (cells.Count > Columns.Length)
        {
            return (null, $"{cells.Count} columns, at most {Columns.Length} expected");
        }
        string? Cell(int index) => index < cells.Count && cells[index].Trim().Length > 0 ? cells[index].Trim() : null;
        string? error = null;
        var rate = new FeeRateInput
        {
            FeePrefix = Cell(0),
            AreaCode = Cell(1),
            AreaName = Cell(2),
            Type = Int(Cell(3), "type", ref error),
            Fee = Dec(Cell(4), "fee", ref error),
            Period = Int(Cell(5), "period", ref error),
            LockType = Int(Cell(6), "lockType", ref error),
            IvrFee = Dec(Cell(7), "ivrFee", ref error),
            IvrPeriod = Int(Cell(8), "ivrPeriod", ref error),
            Sections = Sections(Cell(9), ref error),
        };
        return error is null ? (rate, null) : (null, error);
    }

    private static List<FeeRateSectionInput?>? Sections(string? cell, ref string? error)
    {
        if (cell is null)
        {
            return null;
        }
        var sections = new List<FeeRateSectionInput?>();
        foreach (string part in cell.Split(';', StringSplitOptions.TrimEntries))
        {
            string[] pair = part.Split('/', StringSplitOptions.TrimEntries);
            if (pair.Length != 2)
            {
                error ??= $"sections: '{part}' is not fee/time";
                return null;
            }
            sections.Add(new FeeRateSectionInput(Dec(pair[0], "sections fee", ref error), Int(pair[1], "sections time", ref error),
                sections.Count));
        }
        return sections;
    }

    private static int? Int(string? cell, string column, ref string? error)
    {
        if (cell is null)
        {
            return null;
        }
        if (int.TryParse(cell, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value))
        {
            return value;
        }
        error ??= $"{column}: '{cell}' is not an integer";
        return null;
    }

    private static decimal? Dec(string? cell, string column, ref string? error)
    {
        if (cell is null)
        {
            return null;
        }
        if (decimal.TryParse(cell, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture,
                out decimal value))
        {
            return value;
        }
        error ??= $"{column}: '{cell}' is not a number";
        return null;
    }

    /// <summary>RFC 4180 fields of one line; null when a quote is left open.</summary>
    private static List<string>? Split(string line)
    {
        var cells = new List<string>();
        var cell = new StringBuilder();
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (quoted)
            {
                if (c != '"')
                {
                    cell.Append(c);
                }
                else if (i + 1 < line.Length && line[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else
                {
                    quoted = false;
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else
            {
                cell.Append(c);
            }
        }
        cells.Add(cell.ToString());
        return quoted ? null : cells;
    }
}
