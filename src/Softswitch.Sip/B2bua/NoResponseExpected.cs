using Softswitch.Sip.Messages;
using Softswitch.Sip.Transactions;

namespace Softswitch.Sip.B2bua;

/// <summary>
/// The user of requests whose outcome changes nothing (BYE to a leg being torn down, CANCEL): a timeout or error
/// there is already covered by the call having ended.
/// </summary>
internal sealed class NoResponseExpected : IClientTransactionUser
{
    public static readonly NoResponseExpected Instance = new();

    public void OnResponse(ClientTransaction transaction, SipResponse response)
    {
    }

    public void OnTimeout(ClientTransaction transaction)
    {
    }

    public void OnTransportError(ClientTransaction transaction, Exception error)
    {
    }
}
