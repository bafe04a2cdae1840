using System.Net;
using Iomete.Console.Api;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace Iomete.Console.Tests;

public sealed class ApiClientTests : ConsoleTestContext
{
    [Fact]
    public async Task AnExpiredAccessToken_IsRefreshedOnce_AndTheRequestRetried()
    {
        SignedIn("alice");
        Platform.On(HttpMethod.Get, _ => true, s => s.Authorization == "Bearer fresh"
            ? ScriptedPlatform.Json(HttpStatusCode.OK, """{"ok":true}""")
            : ScriptedPlatform.Json(HttpStatusCode.Unauthorized, """{"title":"Unauthorized","status":401}"""));
        Platform.On(HttpMethod.Post, "/api/v1/auth/refresh", HttpStatusCode.OK,
            """{"accessToken":"fresh","tokenType":"Bearer","expiresIn":900,"refreshToken":"r2","refreshExpiresIn":86400,"passwordChangeRequired":false}""");
        var api = Services.GetRequiredService<ApiClient>();
        var answer = await api.GetJsonAsync("/api/v1/things");
        Assert.True(answer.GetProperty("ok").GetBoolean());
        Assert.Single(Platform.Sent, s => s.PathAndQuery == "/api/v1/auth/refresh");
        Assert.Equal("fresh", Services.GetRequiredService<ConsoleSession>().Tokens!.AccessToken);
    }

    [Fact]
    public async Task AFailedRefresh_SignsOut_AndSendsTheUserToSignInWithTheWayBack()
    {
        SignedIn("alice");
        var nav = Services.GetRequiredService<NavigationManager>();
        nav.NavigateTo("/default/jobs");
        Platform.On(HttpMethod.Get, _ => true, _ => ScriptedPlatform.Json(HttpStatusCode.Unauthorized, """{"title":"Unauthorized","status":401}"""));
        Platform.On(HttpMethod.Post, "/api/v1/auth/refresh", HttpStatusCode.Unauthorized, """{"title":"Unauthorized","status":401}""");
        var api = Services.GetRequiredService<ApiClient>();
        var ex = await Assert.ThrowsAsync<ApiProblemException>(() => api.GetJsonAsync("/api/v1/things"));
        Assert.Equal(401, ex.Problem.Status);
        Assert.False(Services.GetRequiredService<ConsoleSession>().IsSignedIn);
        Assert.EndsWith("/sign-in?returnUrl=default%2Fjobs", nav.Uri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AProblemAnswer_Throws_WithItsDetails()
    {
        SignedIn("alice");
        Platform.On(HttpMethod.Post, "/api/v1/domains/default/compute", HttpStatusCode.BadRequest,
            """{"title":"Validation failed","status":400,"detail":"name is too long","errors":{"name":["is at most 53 characters"]}}""");
        var api = Services.GetRequiredService<ApiClient>();
        var ex = await Assert.ThrowsAsync<ApiProblemException>(() => api.PostAsync(api.InDomain("compute"), new { name = new string('x', 80) }));
        Assert.Equal(["is at most 53 characters"], ex.Problem.For("name"));
    }
}
