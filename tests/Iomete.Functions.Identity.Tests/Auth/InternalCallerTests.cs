using Iomete.Functions.Identity.Auth;
using Iomete.Functions.Identity.Storage;
using Iomete.Platform.Errors;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Iomete.Functions.Identity.Tests.Auth;

/// <summary>The <c>dapr-api-token</c> path of the caller accessor; it never touches the database.</summary>
public sealed class InternalCallerTests
{
    private static CallerAccessor Accessor(string? appToken) =>
        new(new IdentityDb(null!), TimeProvider.System, new TokenRateLimiter(TimeProvider.System),
            new CallerCache(TimeProvider.System, Options.Create(new IdentityOptions())),
            Options.Create(new InternalCallOptions { AppApiToken = appToken }));

    private static HttpRequest Request(string header)
    {
        var context = new DefaultHttpContext();
        context.Request.Headers[InternalCallOptions.Header] = header;
        return context.Request;
    }

    [Fact]
    public async Task TheAppToken_YieldsTheSystemCaller_StoredForTheRequest()
    {
        var accessor = Accessor("the-app-token");
        var request = Request("the-app-token");

        var caller = await accessor.RequireAsync(request, CancellationToken.None);

        Assert.Equal("system", caller.UserId);
        Assert.True(caller.IsSuperAdmin);
        Assert.Same(caller, accessor.Current(request.HttpContext));
    }

    [Theory]
    [InlineData("the-app-token", "the-app-tokeN")]
    [InlineData("the-app-token", "the-app-token-and-more")]
    [InlineData("the-app-token", "")]
    [InlineData(null, "")]
    [InlineData(null, "anything")]
    [InlineData("", "")]
    public async Task AWrongOrUnconfiguredAppToken_Is401(string? configured, string presented)
    {
        var accessor = Accessor(configured);
        var request = Request(presented);

        var error = await Assert.ThrowsAsync<UnauthorizedException>(() => accessor.RequireAsync(request, CancellationToken.None));

        Assert.Equal(401, error.Status);
        Assert.Null(accessor.Current(request.HttpContext));
    }
}
