using System.Reflection;

namespace Softswitch.Tests;

/// <summary>
/// The fast inner loop (<c>dotnet test tests/Softswitch.Tests --filter Category!=EndToEnd</c>, README) leaves out
/// exactly the end-to-end tests: every fixture under EndToEnd/ carries [Category("EndToEnd")], and none elsewhere
/// does, so a new end-to-end class cannot slip into the fast loop unmarked.
/// </summary>
public sealed class EndToEndCategoryTests
{
    private const string EndToEnd = "EndToEnd";
    private const string EndToEndNamespace = "Softswitch.Tests.EndToEnd";

    private static IEnumerable<Type> Fixtures() => typeof(EndToEndCategoryTests).Assembly.GetTypes()
        .Where(t => t.IsClass && !t.IsAbstract && t.GetMethods().Any(m =>
            m.GetCustomAttributes<TestAttribute>().Any() || m.GetCustomAttributes<TestCaseAttribute>().Any() ||
            m.GetCustomAttributes<TestCaseSourceAttribute>().Any()));

    private static bool IsEndToEnd(Type t) => t.GetCustomAttributes<CategoryAttribute>().Any(c => c.Name == EndToEnd);

    [Test]
    public void EveryFixtureUnderEndToEndIsInTheEndToEndCategory()
    {
        var fixtures = Fixtures().Where(t => t.Namespace == EndToEndNamespace).ToArray();
        Assert.That(fixtures, Is.Not.Empty);
        Assert.That(fixtures.Where(t => !IsEndToEnd(t)).Select(t => t.Name), Is.Empty);
    }

    [Test]
    public void NoOtherFixtureIsInTheEndToEndCategory()
    {
        Assert.That(Fixtures().Where(t => t.Namespace != EndToEndNamespace && IsEndToEnd(t)).Select(t => t.Name), Is.Empty);
    }
}
