namespace Iomete.Console.E2E.Tests.Catalog;

/// <summary>
/// Waits that fit a shared two-core machine: the first load of the WebAssembly app, a stream's commit and the page's
/// metrics poll can each take longer than Playwright's defaults there. Nothing is asserted about time.
/// </summary>
public static class SlowMachine
{
    public static async Task<IPage> NewPatientPageAsync(this ConsoleFixture fixture)
    {
        Assertions.SetDefaultExpectTimeout(60_000);
        var page = await fixture.NewPageAsync();
        page.SetDefaultTimeout(60_000);
        page.SetDefaultNavigationTimeout(180_000);
        return page;
    }
}
