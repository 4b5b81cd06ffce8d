using Softswitch.Core.Accounts;

namespace Softswitch.Core.Pushes;

/// <summary>Publishes CustomerMoneyChange (001_… §4.6) whenever an account's balance changes. Subscribed until disposed.</summary>
public sealed class MoneyChangePushSource : IDisposable
{
    private readonly CustomerService _customers;
    private readonly IPushPublisher _publisher;

    public MoneyChangePushSource(CustomerService customers, IPushPublisher publisher)
    {
        _customers = customers;
        _publisher = publisher;
        _customers.MoneyChanged += OnMoneyChanged;
    }

    public void Dispose() => _customers.MoneyChanged -= OnMoneyChanged;

    private void OnMoneyChanged(Customer customer) => _publisher.Publish(PushMessage.CustomerMoneyChange(customer.Account, customer.Money));
}
