using Softswitch.Core.Accounts;
using Softswitch.Core.Gateways;
using Softswitch.Core.Management;
using Softswitch.Core.Numbers;
using Softswitch.Core.Phones;

namespace Softswitch.Tests.Core.Management;

/// <summary>
/// The one way a Create*/Modify* change reaches a record: by JSON name. A change property its record lacks would be
/// dropped silently, so every pair the services apply is checked here.
/// </summary>
public class JsonOverlayTests
{
    private static string[] WritableNames(Type type) =>
        StoreJson.Options.GetTypeInfo(type).Properties.Where(p => p.Set is not null).Select(p => p.Name).ToArray();

    [TestCase(typeof(PhoneChanges), typeof(Phone))]
    [TestCase(typeof(CustomerChanges), typeof(Customer))]
    [TestCase(typeof(MappingGatewayChanges), typeof(MappingGateway))]
    [TestCase(typeof(RoutingGatewayChanges), typeof(RoutingGateway))]
    [TestCase(typeof(BindedE164Changes), typeof(BindedE164))]
    [TestCase(typeof(CustomerPhoneBookChanges), typeof(CustomerPhoneBookEntry))]
    public void EveryChangePropertyExistsOnItsRecordUnderTheSameJsonName(Type changes, Type record) =>
        Assert.That(WritableNames(changes).Except(WritableNames(record)), Is.Empty);

    [Test]
    public void GivenFieldsReplaceNestedBagsMergeListsAreReplacedAndTheRestIsKept()
    {
        var phone = new Phone
        {
            E164 = "1001", Account = "acme", Password = "pw", DisplayNumber = "555",
            Additional = new PhoneAdditional { RtpRelay = 1, SipCodecs = ["PCMA", "PCMU"] },
        };
        var changed = JsonOverlay.Apply(phone, new PhoneChanges
        {
            LockType = 2,
            Memo = "desk",
            Additional = new PhoneAdditional { SipCodecs = ["G722"] },
        });

        Assert.That(changed.LockType, Is.EqualTo((PhoneLockType)2));
        Assert.That(changed.Memo, Is.EqualTo("desk"));
        Assert.That(changed.DisplayNumber, Is.EqualTo("555"), "not given, kept");
        Assert.That(changed.Password, Is.EqualTo("pw"));
        Assert.That(changed.Additional.RtpRelay, Is.EqualTo(1), "nested bag merged field by field");
        Assert.That(changed.Additional.SipCodecs, Is.EqualTo(new[] { "G722" }), "a list is replaced as a whole");
        Assert.That(JsonOverlay.Apply(phone, (PhoneChanges?)null), Is.SameAs(phone));
    }
}
