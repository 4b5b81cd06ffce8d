namespace Softswitch.Sip.B2bua;

/// <summary>TEMPORARY: the Core call model (states, CDRs) is wired here when it lands.</summary>
internal sealed partial class B2buaCall
{
    public void CreateRecord()
    {
    }

    private void OnInviteSent()
    {
    }

    private void OnTryingReceived()
    {
    }

    private void OnProvisionalReceived(int status, bool withSdp)
    {
    }

    private void OnAnswered()
    {
    }

    private void OnEnded(CallEnd reason)
    {
    }
}
