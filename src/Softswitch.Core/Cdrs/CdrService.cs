using System.Globalization;
using Softswitch.Core.Billing;
using Softswitch.Core.Calls;
using Softswitch.Core.Management;

namespace Softswitch.Core.Cdrs;

/// <summary>
/// GetCdr and CreateCdr (001_… §3.47, §3.51): validation and account resolution; the store does the rest.
/// Dates are days of the switch's local time zone (the manual's yyyyMMdd has no zone; VOS3000 reports in local
/// time), taken from the injected <see cref="TimeProvider"/>; a CDR belongs to the day its start falls on.
/// </summary>
public sealed class CdrService(ICdrStore store, DirectoryState directory, TimeProvider time, CallBilling? billing = null)
{
    public const string DateFormat = "yyyyMMdd";

    /// <summary>CDRs of <paramref name="accounts"/> that started from the first day through the last day inclusive.</summary>
    public async Task<ServiceResult<IReadOnlyList<Cdr>>> QueryAsync(IReadOnlyList<string>? accounts, string? beginTime,
        string? endTime, CdrFilters? filters = null, CancellationToken cancellationToken = default)
    {
        if (accounts is null || accounts.Count == 0)
        {
            return ServiceResult.Fail(ServiceError.MissingField, "accounts", "Missing mandatory field 'accounts'.")
                .As<IReadOnlyList<Cdr>>();
        }
        if (ParseDay(beginTime, "beginTime", out var from) is { } badBegin)
        {
            return badBegin.As<IReadOnlyList<Cdr>>();
        }
        if (ParseDay(endTime, "endTime", out var lastDay) is { } badEnd)
        {
            return badEnd.As<IReadOnlyList<Cdr>>();
        }
        if (lastDay < from)
        {
            return ServiceResult.Fail(ServiceError.OutOfRange, "endTime", "Field 'endTime' is before 'beginTime'.")
                .As<IReadOnlyList<Cdr>>();
        }
        var cdrs = await store.QueryAsync(new CdrQuery
        {
            Accounts = accounts,
            From = from,
            To = StartOfDay(lastDay.Date.AddDays(1)),
            CallerE164 = filters?.CallerE164,
            CalleeE164 = filters?.CalleeE164,
            CallerGateway = filters?.CallerGateway,
            CalleeGateway = filters?.CalleeGateway,
        }, cancellationToken);
        return ServiceResult<IReadOnlyList<Cdr>>.Success(cdrs);
    }

    /// <summary>
    /// Records an externally billed CDR and returns its flowNo. A flowNo that is already recorded is refused as
    /// Duplicate and nothing is written (the manual: "不进行记录与扣费"), so a billing system retrying a request
    /// can tell "already there" from success. Nothing is charged yet: fee is 0 until billing exists.
    /// </summary>
    public async Task<ServiceResult<long>> CreateAsync(ExternalCdr input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var error = input.BillingMode is null
                ? ServiceResult.Fail(ServiceError.MissingField, "billingMode", "Missing mandatory field 'billingMode'.")
                : input.BillingTime is null
                    ? ServiceResult.Fail(ServiceError.MissingField, "billingTime", "Missing mandatory field 'billingTime'.")
                    : null;
        error ??= FieldRules.OneOf(input.BillingMode, "billingMode", 0, 1, 2, 3)
            ?? FieldRules.Range(input.BillingTime, "billingTime", 0, int.MaxValue)
            ?? FieldRules.OneOf(input.EndDirection, "endDirection", 0, 1, 2)
            ?? FieldRules.Range(input.EndReason, "endReason", 0, int.MaxValue)
            ?? FieldRules.Range(input.FlowNo, "flowNo", -1, long.MaxValue)
            ?? FieldRules.Range(input.StartTime, "startTime", 0, long.MaxValue)
            ?? FieldRules.Range(input.StopTime, "stopTime", input.StartTime ?? 0, long.MaxValue)
            ?? Lengths(input);
        if (error is not null)
        {
            return error.As<long>();
        }
        var account = ResolveAccount(input, out var accountError);
        if (accountError is not null)
        {
            return accountError.As<long>();
        }
        long start = input.StartTime ?? time.GetUtcNow().ToUnixTimeMilliseconds();
        var cdr = new Cdr
        {
            FlowNo = input.FlowNo is >= 0 ? input.FlowNo : null,
            CallerE164 = input.CallerE164 ?? "",
            CallerAccessE164 = input.CallerE164 ?? "",
            CallerProductId = input.CallerProductId ?? "",
            CallerToGatewayE164 = input.CallerToGatewayE164 ?? input.CallerE164 ?? "",
            CallerGateway = input.CallerGatewayId ?? "",
            CallerIp = input.CallerIp ?? "",
            CalleeE164 = input.CalleeE164 ?? "",
            CalleeAccessE164 = input.CalleeE164 ?? "",
            CalleeProductId = input.CalleeProductId ?? "",
            CalleeToGatewayE164 = input.CalleeToGatewayE164 ?? input.CalleeE164 ?? "",
            CalleeGateway = input.CalleeGatewayId ?? "",
            CalleeIp = input.CalleeIp ?? "",
            Start = start,
            Stop = input.StopTime ?? start,
            HoldTime = input.BillingTime!.Value,
            FeeTime = input.BillingTime!.Value,
            Account = account!.Account,
            AccountName = account.Name,
            AgentAccount = account.AgentAccount,
            EndDirection = (EndDirection)(input.EndDirection ?? (int)EndDirection.Caller),
            EndReason = (EndReason)(input.EndReason ?? (int)EndReason.CallerHangup),
            CalleeBilling = 2,
            BillingMode = input.BillingMode!.Value,
        };
        var flowNo = billing is null
            ? await store.TryInsertAsync(cdr, cancellationToken)
            : await billing.CreateAsync(cdr, store, cancellationToken);
        return flowNo is { } stored
            ? ServiceResult<long>.Success(stored)
            : ServiceResult.Fail(ServiceError.Duplicate, "flowNo", $"A CDR with flowNo {cdr.FlowNo} is already recorded.")
                .As<long>();
    }

    /// <summary>The paying account: the one given, else the one billingMode designates (001_… §3.51).</summary>
    private Accounts.Customer? ResolveAccount(ExternalCdr input, out ServiceResult? error)
    {
        error = null;
        if (!string.IsNullOrEmpty(input.Account))
        {
            var given = directory.FindCustomer(input.Account);
            error = given is null
                ? ServiceResult.Fail(ServiceError.NotFound, "account", $"Account '{input.Account}' not found.")
                : null;
            return given;
        }
        if (input.BillingMode != 0)
        {
            return ResolveByMode(input, out error);
        }
        if (string.IsNullOrEmpty(input.CallerE164))
        {
            error = ServiceResult.Fail(ServiceError.MissingField, "callerE164",
                "Missing field 'callerE164': billingMode 0 without 'account' bills the caller phone's account.");
            return null;
        }
        var phone = directory.FindPhone(input.CallerE164);
        var customer = phone is null ? null : directory.FindCustomer(phone.Account);
        if (customer is null)
        {
            error = ServiceResult.Fail(ServiceError.NotFound, "callerE164", $"Phone '{input.CallerE164}' not found.");
        }
        return customer;
    }

    /// <summary>
    /// billingMode 1: callerGatewayId's mapping gateway's account; 2: callerE164 as a bound number (its card's
    /// account); 3: callerE164 as an active phone card's pin (§3.51).
    /// </summary>
    private Accounts.Customer? ResolveByMode(ExternalCdr input, out ServiceResult? error)
    {
        string field = input.BillingMode == 1 ? "callerGatewayId" : "callerE164";
        string? name = input.BillingMode == 1 ? input.CallerGatewayId : input.CallerE164;
        if (billing is null)
        {
            error = ServiceResult.Fail(ServiceError.NotFound, "account", $"billingMode {input.BillingMode} needs billing: give 'account'.");
            return null;
        }
        if (string.IsNullOrEmpty(name))
        {
            error = ServiceResult.Fail(ServiceError.MissingField, field,
                $"Missing field '{field}': billingMode {input.BillingMode} without 'account' bills its account.");
            return null;
        }
        var owner = billing.PayerFor(input.BillingMode!.Value, name);
        error = owner is null ? ServiceResult.Fail(ServiceError.NotFound, field, $"No account found for {field} '{name}'.") : null;
        return owner?.Account;
    }

    private static ServiceResult? Lengths(ExternalCdr i) =>
        FieldRules.Length(i.Account, "account") ?? FieldRules.Length(i.CallerE164, "callerE164")
        ?? FieldRules.Length(i.CalleeE164, "calleeE164") ?? FieldRules.Length(i.CallerIp, "callerIp")
        ?? FieldRules.Length(i.CallerGatewayId, "callerGatewayId") ?? FieldRules.Length(i.CallerProductId, "callerProductId")
        ?? FieldRules.Length(i.CallerToGatewayE164, "callerToGatewayE164") ?? FieldRules.Length(i.CalleeIp, "calleeIp")
        ?? FieldRules.Length(i.CalleeGatewayId, "calleeGatewayId") ?? FieldRules.Length(i.CalleeProductId, "calleeProductId")
        ?? FieldRules.Length(i.CalleeToGatewayE164, "calleeToGatewayE164");

    private ServiceResult? ParseDay(string? text, string field, out DateTimeOffset startOfDay)
    {
        startOfDay = default;
        if (string.IsNullOrEmpty(text))
        {
            return ServiceResult.Fail(ServiceError.MissingField, field, $"Missing mandatory field '{field}'.");
        }
        if (!DateTime.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return ServiceResult.Fail(ServiceError.OutOfRange, field, $"Field '{field}' must be a date as {DateFormat}.");
        }
        startOfDay = StartOfDay(day);
        return null;
    }

    /// <summary>Local midnight of <paramref name="day"/> in the switch's zone, as an absolute instant.</summary>
    private DateTimeOffset StartOfDay(DateTime day)
    {
        var local = DateTime.SpecifyKind(day.Date, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, time.LocalTimeZone.GetUtcOffset(local));
    }
}
