using System.Net;
using Iomete.Console.Pages.Admin;

namespace Iomete.Console.Tests.Admin;

public sealed class ForbiddenPageTests : AdminTestContext
{
    [Fact]
    public void AnAdminWithoutTheRole_SeesWhyThePageIsRefused_AndNoCreateButton()
    {
        SignedInAdmin("COMPUTE_RESOURCES_MANAGER");
        Platform.OnPrefix(HttpMethod.Get, "/api/v1/admin/identity/users", HttpStatusCode.Forbidden,
            """{"title":"Forbidden","status":403,"detail":"Requires the IAM_MANAGER admin role.","errorCode":"FORBIDDEN"}""");
        Providers();
        var page = Render<Users>();
        page.WaitForAssertion(() => Assert.Contains("Requires the IAM_MANAGER admin role.", page.Find("[data-testid=forbidden]").TextContent, StringComparison.Ordinal));
        Assert.Contains("Iam manager", page.Find("[data-testid=forbidden]").TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("[data-testid=new-user]"));
    }

    [Fact]
    public void TheUsersList_SendsPagingSortingAndSearch()
    {
        SignedInAdmin();
        Platform.OnPrefix(HttpMethod.Get, "/api/v1/admin/identity/users", HttpStatusCode.OK,
            """{"items":[{"id":"u1","username":"alice","email":"a@x","type":"PERSON","origin":"IOMETE","status":"ACTIVE","createdAt":"2026-01-01T00:00:00Z"}],"total":1,"offset":0,"limit":25}""");
        Providers();
        var page = Render<Users>();
        page.WaitForAssertion(() => Assert.Equal("alice", page.Find("[data-testid=user-link]").TextContent));
        Assert.Contains(Platform.Sent, s => s.PathAndQuery == "/api/v1/admin/identity/users?offset=0&limit=25&sort=username");
        page.Find("#users-search").Change("ali");
        page.WaitForAssertion(() => Assert.Contains(Platform.Sent, s => s.PathAndQuery.EndsWith("&search=ali", StringComparison.Ordinal)));
    }
}
