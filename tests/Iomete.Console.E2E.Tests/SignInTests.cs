namespace Iomete.Console.E2E.Tests;

/// <summary>The console as a new user meets it: the sign-in page, the shell, deep links and dark mode (real Chromium).</summary>
[Collection(ConsoleCollection.Name)]
public sealed class SignInTests(ConsoleFixture fixture)
{
    [Fact]
    public async Task AWrongPassword_IsRefusedOnTheForm_ThenSigningIn_OpensTheDeepLinkedPage()
    {
        if (!fixture.Started)
        {
            return;
        }
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/default/event-streams");
        await page.WaitForURLAsync(u => u.Contains("/sign-in?returnUrl=", StringComparison.Ordinal));
        await page.Locator("#username").FillAsync("admin");
        await page.Locator("#password").FillAsync("not-the-password");
        await page.GetByTestId("sign-in").ClickAsync();
        await Assertions.Expect(page.GetByTestId("problem")).ToContainTextAsync("Invalid");
        await page.ScreenshotAsync("sign-in-refused");
        await page.AssertAccessibleAsync();

        await page.Locator("#password").FillAsync(LocalPlatform.AdminPassword);
        await page.GetByTestId("sign-in").ClickAsync();
        await page.WaitForURLAsync(u => u.EndsWith("/default/event-streams", StringComparison.Ordinal));
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Main navigation" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task TheHomePage_LinksEveryArea_GoesLive_AndIsAccessible()
    {
        if (!fixture.Started)
        {
            return;
        }
        var page = await fixture.NewPageAsync();
        await page.SignInAsync("admin", LocalPlatform.AdminPassword);
        Assert.EndsWith("/default", page.Url, StringComparison.Ordinal);
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Welcome, admin");
        foreach (var area in new[] { "SQL editor", "Data catalog", "Compute", "Jobs", "Workflows", "Event streams" })
        {
            await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = area, Exact = true })).ToBeVisibleAsync();
        }
        await Assertions.Expect(page.GetByTestId("push-status")).ToHaveAttributeAsync("data-status", "Live");
        await page.ScreenshotAsync("home");
        await page.AssertAccessibleAsync();
    }

    [Fact]
    public async Task DarkMode_IsRemembered_AcrossAReload()
    {
        if (!fixture.Started)
        {
            return;
        }
        var page = await fixture.NewPageAsync();
        await page.SignInAsync("admin", LocalPlatform.AdminPassword);
        await page.GetByTestId("theme-toggle").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Switch to light mode" })).ToBeVisibleAsync();
        await page.ReloadAsync();
        await page.Locator("h1").First.WaitForAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Switch to light mode" })).ToBeVisibleAsync();
        await page.ScreenshotAsync("home-dark");
        await page.AssertAccessibleAsync();
    }
}
