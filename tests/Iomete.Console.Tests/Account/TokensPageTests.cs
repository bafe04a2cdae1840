using System.Net;
using Iomete.Console.Pages.Account;

namespace Iomete.Console.Tests.Account;

public sealed class TokensPageTests : Admin.AdminTestContext
{
    private const string Empty = """{"items":[],"total":0,"offset":0,"limit":25}""";
    private const string Listed = """{"items":[{"id":"t1","name":"ci","status":"ACTIVE","createdAt":"2026-01-01T00:00:00Z","token":null}],"total":1,"offset":0,"limit":25}""";

    [Fact]
    public void ACreatedTokensSecret_IsShownOnceWithAWarning_AndGoneAfterConfirming()
    {
        SignedIn();
        var listed = false;
        Platform.On(HttpMethod.Get, p => p.StartsWith("/api/v1/auth/tokens?", StringComparison.Ordinal), _ => ScriptedPlatform.Json(HttpStatusCode.OK, listed ? Listed : Empty));
        Platform.On(HttpMethod.Post, p => p == "/api/v1/auth/tokens", _ =>
        {
            listed = true;
            return ScriptedPlatform.Json(HttpStatusCode.Created, """{"id":"t1","name":"ci","status":"ACTIVE","createdAt":"2026-01-01T00:00:00Z","token":"iom_secret_123"}""");
        });
        Providers();
        var page = Render<Tokens>();
        page.WaitForAssertion(() => page.Find("[data-testid=empty-state]"));

        page.Find("#token-name").Input("ci");
        page.Find("[data-testid=create-token]").Click();

        page.WaitForAssertion(() => Assert.Equal("iom_secret_123", page.Find("[data-testid=token-secret]").TextContent));
        Assert.Contains("shown only once", page.Find("[data-testid=token-secret-warning]").TextContent, StringComparison.Ordinal);
        page.WaitForAssertion(() => Assert.Contains("ACTIVE", page.Find("[data-testid=token-status]").TextContent, StringComparison.Ordinal));
        Assert.Contains("\"name\":\"ci\"", Platform.Sent.Single(s => s.Method == HttpMethod.Post).Body, StringComparison.Ordinal);

        page.Find("[data-testid=token-secret-done]").Click();
        Assert.Empty(page.FindAll("[data-testid=token-secret]"));
        Assert.DoesNotContain("iom_secret_123", page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void ReopeningThePage_NeverShowsASecret()
    {
        SignedIn();
        Platform.On(HttpMethod.Get, p => p.StartsWith("/api/v1/auth/tokens?", StringComparison.Ordinal), _ => ScriptedPlatform.Json(HttpStatusCode.OK, Listed));
        Providers();
        var page = Render<Tokens>();
        page.WaitForAssertion(() => page.Find("[data-testid=token-status]"));
        Assert.Empty(page.FindAll("[data-testid=token-secret]"));
    }

    [Fact]
    public void Suspending_PatchesTheTokensStatus()
    {
        SignedIn();
        Platform.On(HttpMethod.Get, p => p.StartsWith("/api/v1/auth/tokens?", StringComparison.Ordinal), _ => ScriptedPlatform.Json(HttpStatusCode.OK, Listed));
        Platform.On(HttpMethod.Patch, "/api/v1/auth/tokens/ci", HttpStatusCode.OK, """{"id":"t1","name":"ci","status":"SUSPENDED"}""");
        Providers();
        var page = Render<Tokens>();
        page.WaitForAssertion(() => page.Find("[data-testid=suspend-token]"));
        page.Find("[data-testid=suspend-token]").Click();
        page.WaitForAssertion(() => Assert.Equal("""{"status":"SUSPENDED"}""", Platform.Sent.Single(s => s.Method == HttpMethod.Patch).Body));
    }
}
