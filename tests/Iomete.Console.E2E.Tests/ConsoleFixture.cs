using System.Net;

namespace Iomete.Console.E2E.Tests;

/// <summary>
/// One local platform serving the console and one headless Debian Chromium driven by Playwright, shared by every
/// end-to-end test (they run one after another: two cores). Screenshots go to <see cref="Screenshots"/>, kept as
/// CI artifacts.
/// </summary>
public sealed class ConsoleFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    // Without the background-networking flags Chromium floods the closed network with connection attempts.
    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
    ];

    private IPlaywright? playwright;
    private IBrowser? browser;
    private LocalPlatform? platform;

    /// <summary>False when Chromium is not installed here (tests return early; in CI they fail instead).</summary>
    public bool Started => browser is not null;

    public LocalPlatform Platform => platform ?? throw new InvalidOperationException("The platform has not started.");

    public IBrowser Browser => browser ?? throw new InvalidOperationException("The browser has not started.");

    public HttpClient Admin { get; private set; } = null!;

    public static string Screenshots { get; } = Path.Combine(Requires.RepositoryRoot(), "TestResults", "console-screenshots");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            if (Requires.InCi)
            {
                throw new InvalidOperationException($"{ChromiumPath} is missing: test.sh installs Debian's chromium package.");
            }
            return;
        }
        Directory.CreateDirectory(Screenshots);
        // CI runs every test assembly at once on two cores, and a cold WebAssembly start can take long there: the
        // waits are generous (one place for every test), and nothing asserts a time.
        Assertions.SetDefaultExpectTimeout(60_000);
        platform = await LocalPlatform.StartAsync(new Dictionary<string, string?>
        {
            ["Iomete:EventStreams:FlushInterval"] = "00:00:01",
        });
        Admin = await platform.LoginAsync();
        playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    /// <summary>
    /// A fresh browser context (own storage: a cold session) with one page on the platform, or on
    /// <paramref name="platform"/> when a test runs its own.
    /// </summary>
    public async Task<IPage> NewPageAsync(LocalPlatform? platform = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = (platform ?? Platform).BaseAddress.ToString().TrimEnd('/'),
            ViewportSize = new ViewportSize { Width = 1440, Height = 900 },
            Permissions = ["clipboard-read", "clipboard-write"],
        });
        context.SetDefaultTimeout(120_000);
        context.SetDefaultNavigationTimeout(180_000);
        return await context.NewPageAsync();
    }

    /// <summary>A user with the given permissions in the default domain, created through the API.</summary>
    public async Task<(string Id, string Username)> UserAsync(string prefix, string password, params string[] domainPermissions)
    {
        var username = prefix + "-" + Guid.NewGuid().ToString("N")[..6];
        var user = await Admin.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/admin/identity/users",
            new { username, email = username + "@example.com", firstName = "Test", lastName = "User", password });
        var id = user.Str("id");
        if (domainPermissions.Length > 0)
        {
            var bundle = (await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/api/v1/admin/domains/default")).Str("bundleId");
            await GrantAsync(bundle, id, "DOMAIN", domainPermissions);
        }
        return (id, username);
    }

    public Task GrantAsync(string bundleId, string userId, string assetType, params string[] permissions) =>
        Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"/api/v1/bundles/{bundleId}/permissions",
            new { actorId = userId, actorType = "USER", permissions = new Dictionary<string, string[]> { [assetType] = permissions } });

    public async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.CloseAsync();
        }
        playwright?.Dispose();
        if (platform is not null)
        {
            await platform.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ConsoleCollection : ICollectionFixture<ConsoleFixture>
{
    public const string Name = "console";
}
