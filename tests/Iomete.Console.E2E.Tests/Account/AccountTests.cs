using System.Net;

namespace Iomete.Console.E2E.Tests.Account;

/// <summary>The user menu's pages: personal access tokens and the API reference (real Chromium).</summary>
[Collection(ConsoleCollection.Name)]
public sealed class AccountTests(ConsoleFixture fixture)
{
    private const string Password = "Token-Password-1!";

    [Fact]
    public async Task AUser_CreatesAToken_WhoseOnceShownSecretWorks_ThenSuspendsAndDeletesIt()
    {
        if (!fixture.Started)
        {
            return;
        }
        var (_, username) = await fixture.UserAsync("tok", Password, "VIEW_DATA_CATALOG");
        var page = await fixture.NewPageAsync();
        await page.SignInAsync(username, Password, "/account/tokens");
        await Assertions.Expect(page.GetByTestId("empty-state")).ToBeVisibleAsync();
        await page.Locator("#token-name").FillAsync("ci");
        await page.GetByTestId("create-token").ClickAsync();
        await Assertions.Expect(page.GetByTestId("token-secret-warning")).ToContainTextAsync("shown only once");
        var secret = (await page.GetByTestId("token-secret").TextContentAsync())!.Trim();
        await page.ScreenshotAsync("account-tokens-created");
        await page.AssertAccessibleAsync();

        using (var api = fixture.Platform.WithApiToken(secret))
        {
            var me = await api.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/api/v2/user");
            Assert.Equal(username, me.Str("username"));
        }

        await page.GetByTestId("token-secret-done").ClickAsync();
        await Assertions.Expect(page.GetByTestId("token-secret")).ToHaveCountAsync(0);
        await page.GetByTestId("suspend-token").ClickAsync();
        await Assertions.Expect(page.GetByTestId("token-status")).ToHaveTextAsync("SUSPENDED");
        using (var api = fixture.Platform.WithApiToken(secret))
        {
            using var refused = await api.GetAsync(new Uri("/api/v2/user", UriKind.Relative));
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }
        await page.ScreenshotAsync("account-tokens");

        await page.GetByTestId("delete-token").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("empty-state")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task TheApiReference_ListsTheOperationsByTag_AndFindsOneBySearch()
    {
        if (!fixture.Started)
        {
            return;
        }
        var page = await fixture.NewPageAsync();
        await page.SignInAsync("admin", LocalPlatform.AdminPassword, "/api-reference");
        await Assertions.Expect(page.GetByTestId("api-tag").First).ToBeVisibleAsync();
        Assert.True(await page.GetByTestId("api-operation").CountAsync() > 100);
        await page.ScreenshotAsync("api-reference");

        await page.Locator("#api-search").FillAsync("post /api/v1/auth/tokens");
        var operation = page.Locator("[data-operation=post-api-v1-auth-tokens]");
        await Assertions.Expect(operation).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("api-operation")).ToHaveCountAsync(1);
        await operation.Locator(".mud-expand-panel-header").ClickAsync();
        await Assertions.Expect(operation).ToContainTextAsync("Request body");
        await Assertions.Expect(operation).ToContainTextAsync("201");
        await page.ScreenshotAsync("api-reference-search");
        // axe on the filtered page: the full document has hundreds of operations.
        await page.AssertAccessibleAsync();
    }
}
