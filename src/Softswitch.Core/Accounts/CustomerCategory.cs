namespace Softswitch.Core.Accounts;

/// <summary>
/// 账户类别, 001_… §3.4 InfoCustomer "category". No request sets it, so it is derived: an account that is the
/// agentAccount of another account is an agent.
/// </summary>
public enum CustomerCategory
{
    Normal = 0,
    Agent = 1,
}
