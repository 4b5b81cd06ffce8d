using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Softswitch.Core.Phones;
using Softswitch.Core.Registrations;
using Softswitch.Sip.Auth;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Registrar;

namespace Softswitch.Tests.Sip.Registrar;

/// <summary>A registrar over a fake clock and its own table, with phones whose password is "secret" + e164.</summary>
public abstract class RegistrarFixture
{
    private sealed class Phones(string[] e164s) : IPhoneDirectory
    {
        public PhoneCredentials? FindCredentials(string e164) =>
            e164s.Contains(e164) ? new PhoneCredentials(e164, "secret" + e164, "demo", false) : null;

        public PhoneCredentials? FindByNumber(string number) => FindCredentials(number);
    }

    protected FakeTimeProvider Time { get; private set; } = null!;

    protected RegistrationTable Table { get; private set; } = null!;

    protected Softswitch.Sip.Registrar.Registrar Registrar { get; private set; } = null!;

    protected DateTimeOffset Now => Time.GetUtcNow();

    protected void Start(RegistrarOptions options, AuthOptions auth, params string[] phones)
    {
        Time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero));
        Table = new RegistrationTable();
        Registrar = new Softswitch.Sip.Registrar.Registrar(options, auth, new Phones(phones), Table, Time,
            NullLogger<Softswitch.Sip.Registrar.Registrar>.Instance);
    }

    /// <summary>
    /// A REGISTER of <paramref name="user"/> from 10.0.0.5:<paramref name="port"/> answered to its challenge (the
    /// challenge goes out under its own Call-ID); a first answer other than 401 (a throttled request's 403) is returned as is.
    /// </summary>
    protected SipResponse Register(string user, string password, int cseq, string contact, string callId, int port, string expires = "300")
    {
        var challenge = Registrar.Handle(RegisterRequests.Build(user, cseq, null, expires, contact, "10.0.0.5", port, "challenge-" + callId));
        if (challenge.StatusCode != 401)
        {
            return challenge;
        }
        var error = new DigestClient().TryAuthorize(challenge.Headers.GetAll(HeaderKind.WwwAuthenticate), user, password,
            "REGISTER", "sip:127.0.0.1", out string? authorization);
        Assert.That(error, Is.EqualTo(DigestParseError.None));
        return Registrar.Handle(RegisterRequests.Build(user, cseq, authorization, expires, contact, "10.0.0.5", port, callId));
    }
}
