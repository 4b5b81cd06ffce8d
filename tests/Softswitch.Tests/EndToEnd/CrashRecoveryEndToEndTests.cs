using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Softswitch.Core.Calls;
using Softswitch.Tests.EndToEnd.Support;

namespace Softswitch.Tests.EndToEnd;

/// <summary>
/// Issue 12 #4: calls connected when the switch is killed (SIGKILL) get, once it is restarted on the same database,
/// exactly one CDR each (end reason SwitchRestarted) and a BYE on both legs; calls that ended before keep their one
/// CDR. SIPp on both sides counts the calls it saw answered and ended by a BYE.
/// </summary>
[Category("EndToEnd")]
[NonParallelizable]
public class CrashRecoveryEndToEndTests
{
    private const string Account = "acme";
    private const string Caller = "8613900000101";
    private const string Callee = "8613900000102";
    private const string Password = "crash-secret";

    private string _dir = null!;

    [SetUp]
    public void SetUp()
    {
        _dir = Path.Combine(Path.GetTempPath(), $"softswitch-crash-{Guid.NewGuid():N}");
        Directory.CreateDirectory(_dir);
    }

    [TearDown]
    public void TearDown()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    [Test]
    public async Task CallsUpAtAKillGetOneCdrAndAByeOnEachLegAfterTheRestart()
    {
        const int held = 4;
        const int ended = 2;
        string db = Path.Combine(_dir, "crash.db");
        int sipPort = SippRunner.FreePort();
        int calleePort = SippRunner.FreePort();
        string callerCsv = Path.Combine(_dir, "caller.csv");
        await File.WriteAllTextAsync(callerCsv, $"SEQUENTIAL\n{Caller};\n");
        string[] callerArgs = ["-s", Callee, "-au", Caller, "-ap", Password, "-inf", callerCsv];

        var first = await SwitchProcess.StartAsync(db, "--no-demo", "--sip-port", sipPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Task<SippRunner.Result> heldCaller, heldCallee;
        try
        {
            Assert.That(first.SipPort, Is.EqualTo(sipPort));
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{first.HttpPort}/external/server/") };
            await ExpectAsync(http, "CreateCustomer", new { account = Account, name = "Acme" });
            await ExpectAsync(http, "CreatePhone", new { autoCreateAccount = false, e164 = Caller, account = Account, password = Password });
            await ExpectAsync(http, "CreatePhone", new { autoCreateAccount = false, e164 = Callee, account = Account, password = Password });
            var register = await SippRunner.RunAtAsync(sipPort, calleePort, "register.xml", "-s", Callee, "-au", Callee, "-ap", Password);
            Assert.That(register.ExitCode, Is.Zero, "callee registration: " + register.Output + register.Errors);

            // Calls that end normally before the crash: one CDR each, which the recovery must not repeat.
            var normalCallee = SippRunner.StartServerAsync(calleePort, "uas_builtin", ended);
            Assert.That(await Eventually.UntilAsync(() => SippRunner.IsListening(calleePort)), Is.True);
            var normal = await SippRunner.RunAsync(sipPort, "uac_auth.xml", [.. callerArgs, "-m", N(ended), "-r", "10", "-d", "200"]);
            Assert.That(normal.ExitCode, Is.Zero, "normal calls: " + normal.Output + normal.Errors);
            Assert.That((await normalCallee).ExitCode, Is.Zero);
            Assert.That(await CountEventuallyAsync(db, "SELECT count(*) FROM cdrs", ended), Is.EqualTo(ended), "normal CDRs written");

            // Calls held until the switch dies: each side waits for a BYE (long receive timeout: the restart takes seconds).
            string[] patient = ["-recv_timeout", "60000", "-timeout", "90s"];
            heldCallee = SippRunner.StartServerAsync(calleePort, "uas_builtin", held, patient);
            Assert.That(await Eventually.UntilAsync(() => SippRunner.IsListening(calleePort)), Is.True);
            heldCaller = SippRunner.RunAsync(sipPort, "uac_auth_callee_bye.xml", [.. callerArgs, "-m", N(held), "-r", "10", .. patient]);
            Assert.That(await CountEventuallyAsync(db, "SELECT count(*) FROM call_journal", held), Is.EqualTo(held),
                "every answered call is journalled:\n" + first.Output);

            await first.KillHardAsync();
        }
        finally
        {
            first.Dispose();
        }
        Assert.That(await CountAsync(db, "SELECT count(*) FROM cdrs"), Is.EqualTo(ended), "the killed process wrote no CDR for the held calls");

        using var second = await SwitchProcess.StartAsync(db, "--no-demo", "--sip-port", sipPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var caller = await heldCaller;
        var callee = await heldCallee;
        Assert.That(caller.ExitCode, Is.Zero, "every caller got a BYE: " + caller.Output + caller.Errors + "\n" + second.Output);
        Assert.That(callee.ExitCode, Is.Zero, "every callee got a BYE: " + callee.Output + callee.Errors + "\n" + second.Output);

        Assert.That(await CountEventuallyAsync(db, "SELECT count(*) FROM call_journal", 0), Is.Zero, "journal cleared");
        Assert.That(await CountAsync(db, $"SELECT count(*) FROM cdrs WHERE endReason = {(int)EndReason.SwitchRestarted}"), Is.EqualTo(held));
        Assert.That(await CountAsync(db, $"SELECT count(*) FROM cdrs WHERE endReason = {(int)EndReason.CallerHangup}"), Is.EqualTo(ended));
        Assert.That(await CountAsync(db, "SELECT count(DISTINCT callKey) FROM cdrs"), Is.EqualTo(held + ended), "one CDR per call, none doubled");
        Assert.That(await CountAsync(db, "SELECT count(*) FROM cdrs WHERE stop < start"), Is.Zero);
        Assert.That(second.Output, Does.Contain($"Recovered {held} calls: {2 * held} BYEs sent"));
    }

    private static string N(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static async Task ExpectAsync(HttpClient http, string name, object body)
    {
        using var response = await http.PostAsJsonAsync(name, body);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(json.GetProperty("retCode").GetInt32(), Is.Zero, name + ": " + json);
    }

    private static Task<long> CountEventuallyAsync(string db, string sql, long expected) =>
        Eventually.ReadUntilAsync(() => CountAsync(db, sql), count => count == expected);

    private static async Task<long> CountAsync(string db, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={db};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
