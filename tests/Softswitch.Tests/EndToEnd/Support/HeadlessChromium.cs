using OpenQA.Selenium.Chrome;

namespace Softswitch.Tests.EndToEnd.Support;

/// <summary>
/// Debian's chromium + chromium-driver driven by Selenium, headless, with its own profile directory. The
/// background-networking flags matter: on a closed network Chromium otherwise hangs on its update and sync calls.
/// Missing binaries fail the test with the install command (never a silent skip).
/// </summary>
public sealed class HeadlessChromium : IDisposable
{
    private readonly string _profile;

    private HeadlessChromium(ChromeDriver driver, string profile)
    {
        Driver = driver;
        _profile = profile;
    }

    public ChromeDriver Driver { get; }

    public static HeadlessChromium Start()
    {
        string? browser = FindOnPath("chromium") ?? FindOnPath("chromium-browser");
        string? driverPath = FindOnPath("chromedriver");
        if (browser is null || driverPath is null)
        {
            Assert.Fail($"The browser test needs chromium and chromedriver on PATH (found chromium: {browser ?? "no"}, " +
                        $"chromedriver: {driverPath ?? "no"}). Install them: apt-get install -y chromium chromium-driver");
        }
        string profile = Path.Combine(Path.GetTempPath(), "softswitch-chromium-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(profile);
        // An explicit driver path keeps Selenium Manager from trying to download one.
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(driverPath)!, Path.GetFileName(driverPath));
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;
        var options = new ChromeOptions { BinaryLocation = browser };
        options.AddArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-dev-shm-usage", "--user-data-dir=" + profile);
        return new HeadlessChromium(new ChromeDriver(service, options, TimeSpan.FromSeconds(60)), profile);
    }

    public void Dispose()
    {
        Driver.Quit();
        Driver.Dispose();
        try
        {
            Directory.Delete(_profile, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);
}
