using Microsoft.Extensions.Options;
using Softswitch.Api.Composition;
using Softswitch.Core.Pushes;

namespace Softswitch.Tests.Api.Composition;

/// <summary>The "push" section fails fast at start, naming each bad key.</summary>
public class PushOptionsValidatorTests
{
    [Test]
    public void BadOptionsNameTheKey()
    {
        var result = new PushOptionsValidator().Validate(null, new PushOptions
        {
            Url = "not a url",
            Concurrency = 0,
            MaxAge = TimeSpan.Zero,
        });
        Assert.That(result.Failed, Is.True);
        Assert.That(result.FailureMessage, Does.Contain("push.url").And.Contain("push.concurrency").And.Contain("push.maxAge"));
        Assert.That(new PushOptionsValidator().Validate(null, new PushOptions()), Is.EqualTo(ValidateOptionsResult.Success));
    }
}
