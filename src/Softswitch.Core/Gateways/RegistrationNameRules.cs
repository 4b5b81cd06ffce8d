using Softswitch.Core.Management;

namespace Softswitch.Core.Gateways;

/// <summary>
/// Phones and registerType 1 gateways register in one digest realm, with the phone's e164 or the gateway's name as
/// the user name (001_… §3.6, §3.11, §3.16). A name that were both could not tell the registrar whose password to
/// check, so the API refuses the second of the two (-10005, naming the field and the holder) instead of letting one
/// silently shadow the other. Checked inside the shared write gate, so two concurrent creations cannot both pass.
/// </summary>
public static class RegistrationNameRules
{
    /// <summary>A gateway that is (or becomes) registerType 1 may not be named as a phone's e164.</summary>
    public static ServiceResult? CheckGateway(string name, GatewayRegisterType registerType, DirectoryState directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        return registerType == GatewayRegisterType.Dynamic && directory.FindPhone(name) is not null
            ? ServiceResult.Fail(ServiceError.Duplicate, "name",
                $"'{name}' is a phone's e164: a registerType 1 gateway registers with its name in the phones' realm.")
            : null;
    }

    /// <summary>A new phone's e164 may not be the name of a registerType 1 gateway.</summary>
    public static ServiceResult? CheckPhone(string e164, GatewayState gateways)
    {
        ArgumentNullException.ThrowIfNull(gateways);
        string? holder = gateways.FindMapping(e164) is { RegisterType: GatewayRegisterType.Dynamic } ? "mapping"
            : gateways.FindRouting(e164) is { RegisterType: GatewayRegisterType.Dynamic } ? "routing"
            : null;
        return holder is null
            ? null
            : ServiceResult.Fail(ServiceError.Duplicate, "e164",
                $"'{e164}' is the name of registerType 1 {holder} gateway '{e164}', which registers in the phones' realm.");
    }

    /// <summary>
    /// Whether a modification ends a registerType 1 gateway's registration: its password or registerType changed (the
    /// binding was made with credentials that no longer hold), or it became fully locked (lockType 3).
    /// </summary>
    internal static bool VoidsRegistration(string oldPassword, GatewayRegisterType oldType, string newPassword,
        GatewayRegisterType newType, GatewayLockType newLock) =>
        !string.Equals(oldPassword, newPassword, StringComparison.Ordinal) || oldType != newType || newLock == GatewayLockType.All;
}
