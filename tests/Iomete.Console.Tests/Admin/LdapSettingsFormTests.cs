using System.Net;
using Iomete.Console.Pages.Admin;

namespace Iomete.Console.Tests.Admin;

public sealed class LdapSettingsFormTests : AdminTestContext
{
    [Fact]
    public void SavingARefusedConfiguration_ShowsEachFieldsMessageBesideTheField()
    {
        SignedInAdmin();
        Platform.On(HttpMethod.Get, "/api/v1/admin/identity/ldap", HttpStatusCode.NotFound, """{"title":"Not found","status":404}""");
        Platform.On(HttpMethod.Put, "/api/v1/admin/identity/ldap", HttpStatusCode.BadRequest,
            """{"title":"Validation failed","status":400,"errors":{"connectionUrl":["must start with ldap:// or ldaps://"],"groupSync.groupsDn":["is required when group sync is enabled"]}}""");
        Providers();
        var form = Render<LdapSettingsForm>();
        form.WaitForAssertion(() => form.Find("[data-testid=ldap-not-configured]"));

        form.Find("#ldap-url").Change("http://directory");
        form.Find("[data-testid=ldap-group-sync] input").Change(true);
        form.Find("[data-testid=save-ldap]").Click();

        form.WaitForAssertion(() => Assert.Contains("must start with ldap:// or ldaps://", form.Markup, StringComparison.Ordinal));
        var errors = form.FindAll(".mud-input-helper-text.mud-input-error").Select(e => e.TextContent).ToList();
        Assert.Contains(errors, e => e.Contains("must start with ldap://", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("is required when group sync is enabled", StringComparison.Ordinal));
        var body = Platform.Sent.Single(s => s.Method == HttpMethod.Put).Body!;
        Assert.Contains("\"connectionUrl\":\"http://directory\"", body, StringComparison.Ordinal);
        Assert.Contains("\"groupSync\":{\"enabled\":true", body, StringComparison.Ordinal);
    }

    [Fact]
    public void TestConnection_ShowsTheDirectorysAnswer()
    {
        SignedInAdmin();
        Platform.On(HttpMethod.Get, "/api/v1/admin/identity/ldap", HttpStatusCode.NotFound, """{"title":"Not found","status":404}""");
        Platform.On(HttpMethod.Post, "/api/v1/admin/identity/ldap/test-connection", HttpStatusCode.OK,
            """{"success":false,"message":"Cannot reach ldap://nowhere:389"}""");
        Providers();
        var form = Render<LdapSettingsForm>();
        form.WaitForAssertion(() => form.Find("[data-testid=ldap-not-configured]"));
        form.Find("#ldap-url").Change("ldap://nowhere");
        form.Find("[data-testid=test-ldap-connection]").Click();
        form.WaitForAssertion(() => Assert.Contains("Cannot reach ldap://nowhere:389", form.Find("[data-testid=ldap-result]").TextContent, StringComparison.Ordinal));
    }
}
