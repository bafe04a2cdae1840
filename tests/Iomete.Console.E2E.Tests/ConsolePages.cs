using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;

namespace Iomete.Console.E2E.Tests;

/// <summary>What every end-to-end test does with a page: sign in, wait for the app, screenshot, accessibility check.</summary>
public static class ConsolePages
{
    /// <summary>Opens <paramref name="path"/> (signing in on the way when asked) and waits until the page's h1 shows.</summary>
    public static async Task SignInAsync(this IPage page, string username, string password, string path = "/")
    {
        await page.GotoAsync(path);
        await page.WaitForURLAsync(u => u.Contains("/sign-in", StringComparison.Ordinal));
        await page.Locator("#username").FillAsync(username);
        await page.Locator("#password").FillAsync(password);
        await page.GetByTestId("sign-in").ClickAsync();
        await page.WaitForURLAsync(u => !u.Contains("/sign-in", StringComparison.Ordinal));
        await page.Locator("h1").First.WaitForAsync();
    }

    /// <summary>Saves a full-page screenshot as <c>TestResults/console-screenshots/{name}.png</c>.</summary>
    public static async Task ScreenshotAsync(this IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ConsoleFixture.Screenshots, name + ".png"), FullPage = true });

    /// <summary>Runs axe on the page and fails on serious or critical violations, naming each rule and element.</summary>
    public static async Task AssertAccessibleAsync(this IPage page)
    {
        // Snackbars fade in: measured mid-fade their text has too little contrast. Check the settled page.
        await page.AddStyleTagAsync(new PageAddStyleTagOptions { Content = "*, *::before, *::after { transition: none !important; animation: none !important; }" });
        var results = await page.RunAxe();
        var serious = results.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, "axe found serious violations on " + page.Url + ":\n" + string.Join("\n", serious.Select(Describe)));
    }

    private static string Describe(AxeResultItem v) =>
        $"- {v.Id} ({v.Impact}): {v.Help}; " + string.Join(", ", v.Nodes.Take(3).Select(n => n.Html));
}
