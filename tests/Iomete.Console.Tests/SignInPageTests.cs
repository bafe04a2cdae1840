using System.Net;
using Iomete.Console.Api;
using Iomete.Console.Pages;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace Iomete.Console.Tests;

public sealed class SignInPageTests : ConsoleTestContext
{
    [Fact]
    public void AWrongPassword_ShowsThePlatformsProblem_AndStaysOnTheForm()
    {
        Platform.On(HttpMethod.Get, "/api/v1/identity/sso/providers", HttpStatusCode.OK, "[]");
        Platform.On(HttpMethod.Post, "/api/v1/auth/login", HttpStatusCode.Unauthorized,
            """{"title":"Unauthorized","status":401,"detail":"Invalid username or password."}""");
        var page = Render<SignIn>();
        page.Find("#username").Change("alice");
        page.Find("#password").Change("wrong");
        page.Find("form").Submit();
        page.WaitForAssertion(() => Assert.Contains("Invalid username or password.", page.Find("[data-testid=problem]").TextContent, StringComparison.Ordinal));
        Assert.EndsWith("/", Services.GetRequiredService<NavigationManager>().Uri, StringComparison.Ordinal);
        Assert.Null(Services.GetRequiredService<ConsoleSession>().Tokens);
    }

    [Fact]
    public void ASuccessfulSignIn_StoresTheTokens_LoadsTheUser_AndReturnsToTheDeepLink()
    {
        Platform.On(HttpMethod.Get, "/api/v1/identity/sso/providers", HttpStatusCode.OK, """[{"type":"OIDC","loginUrl":"/api/v1/identity/sso/oidc/login"}]""");
        Platform.On(HttpMethod.Post, "/api/v1/auth/login", HttpStatusCode.OK,
            """{"accessToken":"a1","tokenType":"Bearer","expiresIn":900,"refreshToken":"r1","refreshExpiresIn":86400,"passwordChangeRequired":false}""");
        Platform.On(HttpMethod.Get, "/api/v2/user", HttpStatusCode.OK,
            """{"id":"u1","username":"alice","type":"USER","isSuperAdmin":false,"adminRoles":[],"groupIds":[],"domains":[{"domain":{"id":"sales","name":"Sales"},"bundle":{"id":"b"},"isOwner":false,"permissions":["VIEW_DATA_CATALOG"]}]}""");
        var nav = Services.GetRequiredService<NavigationManager>();
        nav.NavigateTo("/sign-in?returnUrl=%2Fsales%2Fsql");
        var page = Render<SignIn>();
        Assert.Contains("/api/v1/identity/sso/oidc/login?redirect=", page.Find("[data-testid=sign-in-sso]").GetAttribute("href"), StringComparison.Ordinal);
        page.Find("#username").Change(" alice ");
        page.Find("#password").Change("secret");
        page.Find("form").Submit();
        page.WaitForAssertion(() => Assert.EndsWith("/sales/sql", nav.Uri, StringComparison.Ordinal));
        var session = Services.GetRequiredService<ConsoleSession>();
        Assert.Equal(("a1", "alice", "sales"), (session.Tokens!.AccessToken, session.User!.Username, session.Domain));
        Assert.True(session.Can("VIEW_DATA_CATALOG"));
        Assert.False(session.Can("CREATE_COMPUTE"));
        Assert.Contains("\"username\":\"alice\"", Platform.Sent.Single(s => s.PathAndQuery == "/api/v1/auth/login").Body, StringComparison.Ordinal);
        Assert.Equal("Bearer a1", Platform.Sent.Single(s => s.PathAndQuery == "/api/v2/user").Authorization);
        Assert.True(Storage.Items.ContainsKey("iomete.session"));
    }
}
