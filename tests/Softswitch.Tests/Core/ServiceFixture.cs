using Microsoft.Extensions.Time.Testing;
using Softswitch.Core.Accounts;
using Softswitch.Core.Management;
using Softswitch.Core.Phones;
using Softswitch.Core.Registrations;

namespace Softswitch.Tests.Core;

/// <summary>Services over a temp database, wired as the composition root wires them.</summary>
internal sealed class ServiceFixture : IDisposable
{
    public ServiceFixture(TempDatabase db)
    {
        Db = db;
        State = db.OpenState();
        Customers = new CustomerService(State, Time);
        Phones = new PhoneService(State, Registrations, Time);
    }

    public TempDatabase Db { get; }
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    public RegistrationTable Registrations { get; } = new();
    public DirectoryState State { get; }
    public CustomerService Customers { get; }
    public PhoneService Phones { get; }

    /// <summary>A second set of services over the same file, as after a restart.</summary>
    public ServiceFixture Restart() => new(Db);

    public void Dispose() => State.Dispose();
}
