using System.Net;

namespace Iomete.Console.E2E.Tests.Compute;

/// <summary>
/// The compute pages against a platform whose data plane is a stand-in Kubernetes API server (no cluster runs here):
/// create a cluster in the form, watch it become ACTIVE without a reload, read its tabs, stop it and see it STOPPED.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class ComputeConsoleTests(ConsoleFixture fixture) : IAsyncLifetime
{
    private StandInKubeApiServer? kube;
    private LocalPlatform? platform;

    public async Task InitializeAsync()
    {
        if (!fixture.Started)
        {
            return;
        }
        kube = await StandInKubeApiServer.StartAsync();
        platform = await LocalPlatform.StartAsync(new Dictionary<string, string?>
        {
            ["Iomete:Kubernetes:ApiServer"] = kube.Address.ToString().TrimEnd('/'),
        });
        using var admin = await platform.LoginAsync();
        var me = await admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/api/v2/user");
        await admin.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/bundles",
            new { name = "analytics-team", domain = "default", owner = new { id = me.Str("id"), type = "USER" } });
    }

    [Fact]
    public async Task ACluster_CreatedInTheForm_StartsLive_ShowsItsTabs_AndIsStoppedAfterTheConfirmation()
    {
        if (!fixture.Started)
        {
            return;
        }
        var page = await fixture.NewPageAsync(platform);
        await page.SignInAsync("admin", LocalPlatform.AdminPassword, "/default/compute");
        await Assertions.Expect(page.GetByTestId("compute-row-local")).ToBeVisibleAsync();
        await page.ScreenshotAsync("compute-list-empty");

        await page.GetByTestId("compute-new").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("New compute cluster");
        await page.Locator("#compute-name").FillAsync("Not Valid");
        await page.GetByTestId("compute-create").ClickAsync();
        await Assertions.Expect(page.Locator(".mud-input-error").First).ToContainTextAsync("lowercase");
        await page.ScreenshotAsync("compute-new-invalid");
        await page.AssertAccessibleAsync();
        foreach (var tab in new[] { "Configurations", "Dependencies", "Docker settings", "Tags" })
        {
            await page.GetByRole(AriaRole.Tab, new() { Name = tab }).ClickAsync();
        }
        await page.GetByRole(AriaRole.Tab, new() { Name = "Review & create" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("compute-review")).ToContainTextAsync("\"driverType\"");
        await page.ScreenshotAsync("compute-new-review");
        await page.GetByRole(AriaRole.Tab, new() { Name = "General" }).ClickAsync();
        await page.Locator("#compute-name").FillAsync("analytics");
        await page.GetByTestId("compute-create").ClickAsync();

        await page.WaitForURLAsync(u => u.Contains("/default/compute/", StringComparison.Ordinal) && !u.EndsWith("/new", StringComparison.Ordinal));
        await Assertions.Expect(page.GetByTestId("compute-title")).ToHaveTextAsync("analytics");
        // The stand-in operator reports RUNNING a moment later: the pushed compute.state turns the page ACTIVE.
        await Assertions.Expect(page.GetByTestId("compute-status")).ToHaveTextAsync("ACTIVE");
        await Assertions.Expect(page.GetByTestId("compute-action-start")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("compute-details")).ToContainTextAsync("Multi-node");
        await page.ScreenshotAsync("compute-detail");
        await page.AssertAccessibleAsync();

        await page.GetByRole(AriaRole.Tab, new() { Name = "Connections" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("connection-jdbc-url")).ToContainTextAsync("jdbc:hive2://");
        await Assertions.Expect(page.GetByTestId("connection-spark_connect-url")).ToContainTextAsync("sc://");
        await Assertions.Expect(page.GetByTestId("connection-jdbc-dbt")).ToContainTextAsync("method: http");
        await page.GetByRole(AriaRole.Button, new() { Name = "Copy JDBC / ODBC URL" }).ClickAsync();
        await page.ScreenshotAsync("compute-connections");
        await page.GetByRole(AriaRole.Tab, new() { Name = "Logs" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("compute-logs")).ToContainTextAsync("HiveThriftServer2");
        await page.ScreenshotAsync("compute-logs");
        await page.GetByRole(AriaRole.Tab, new() { Name = "Events" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("compute-events")).ToContainTextAsync("SparkApplicationSubmitted");
        await page.ScreenshotAsync("compute-events");
        await page.GetByRole(AriaRole.Tab, new() { Name = "Activity" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("compute-activity")).ToContainTextAsync("START");
        await page.ScreenshotAsync("compute-activity");
        await page.GetByRole(AriaRole.Tab, new() { Name = "Configuration" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("compute-configuration")).ToContainTextAsync("spark.");
        await page.ScreenshotAsync("compute-configuration");

        await page.GetByTestId("compute-action-terminate").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Dialog)).ToContainTextAsync("Stop 'analytics'?");
        await page.ScreenshotAsync("compute-stop-confirmation");
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Stop" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Dialog)).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("compute-status")).ToHaveTextAsync("STOPPED");
        await Assertions.Expect(page.GetByTestId("compute-action-start")).ToBeVisibleAsync();
        await page.ScreenshotAsync("compute-stopped");

        await page.GetByRole(AriaRole.Link, new() { Name = "Compute" }).First.ClickAsync();
        await Assertions.Expect(page.GetByTestId("compute-row-analytics")).ToBeVisibleAsync();
        await page.ScreenshotAsync("compute-list");
        await page.AssertAccessibleAsync();
    }

    public async Task DisposeAsync()
    {
        if (platform is not null)
        {
            await platform.DisposeAsync();
        }
        if (kube is not null)
        {
            await kube.DisposeAsync();
        }
    }
}
