namespace Iomete.Console.E2E.Tests.Admin;

/// <summary>An administrator gives a new person access through the console only, and that person sees the domain (real Chromium).</summary>
[Collection(ConsoleCollection.Name)]
public sealed class AdminAccessTests(ConsoleFixture fixture)
{
    private const string Password = "Analyst-Password-1!";

    [Fact]
    public async Task AnAdmin_CreatesAUserAndAGroup_GrantsADomainPermissionOnTheBundlePage_AndTheUserSeesTheDomain()
    {
        if (!fixture.Started)
        {
            return;
        }
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var username = "ana-" + suffix;
        var groupName = "analysts-" + suffix;
        var domainId = "sales" + suffix;
        var page = await fixture.NewPageAsync();
        await page.SignInAsync("admin", LocalPlatform.AdminPassword, "/admin/users");

        // A user, created on the users page.
        await page.GetByTestId("new-user").ClickAsync();
        await page.Locator("#new-user-username").FillAsync(username);
        await page.Locator("#new-user-email").FillAsync(username + "@example.com");
        await page.Locator("#new-user-first").FillAsync("Ana");
        await page.Locator("#new-user-password").FillAsync(Password);
        await page.ScreenshotAsync("admin-users-create");
        await page.GetByTestId("create-user").ClickAsync();
        await Assertions.Expect(page.GetByTestId("user-link").Filter(new() { HasText = username })).ToBeVisibleAsync();
        await page.ScreenshotAsync("admin-users");
        await page.AssertAccessibleAsync();

        // A group, and the user in it.
        await page.GotoAsync("/admin/groups");
        await page.Locator("#new-group-name").FillAsync(groupName);
        await page.GetByTestId("create-group").ClickAsync();
        await page.WaitForURLAsync(u => u.Contains("/admin/groups/", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(groupName);
        await page.Locator("#add-member").FillAsync(username);
        await page.Locator(".mud-popover-open").GetByText(username, new() { Exact = true }).ClickAsync();
        await page.GetByTestId("add-member-button").ClickAsync();
        await Assertions.Expect(page.GetByTestId("members")).ToContainTextAsync(username);
        await page.ScreenshotAsync("admin-group-detail");
        await page.AssertAccessibleAsync();

        // A domain, then access to it through its DOMAIN bundle.
        await page.GotoAsync("/admin/domains");
        await page.Locator("#new-domain-id").FillAsync(domainId);
        await page.Locator("#new-domain-name").FillAsync("Sales " + suffix);
        await page.GetByTestId("create-domain").ClickAsync();
        await page.WaitForURLAsync(u => u.EndsWith("/admin/domains/" + domainId, StringComparison.Ordinal));
        await page.ScreenshotAsync("admin-domain-detail");
        await page.GetByTestId("manage-access").ClickAsync();
        await page.WaitForURLAsync(u => u.Contains("/admin/bundles/", StringComparison.Ordinal));
        await page.Locator("#grant-actor-name").FillAsync(username);
        await page.Locator(".mud-popover-open").GetByText(username, new() { Exact = true }).ClickAsync();
        await page.GetByTestId("perm-VIEW_DATA_CATALOG").Locator("input").CheckAsync();
        await page.GetByTestId("grant").ClickAsync();
        await Assertions.Expect(page.GetByTestId("bundle-members")).ToContainTextAsync(username);
        await Assertions.Expect(page.GetByTestId("bundle-members")).ToContainTextAsync("VIEW_DATA_CATALOG");
        await page.ScreenshotAsync("admin-bundle-detail");
        await page.AssertAccessibleAsync();

        // The user signs in elsewhere and lands in the domain they were given.
        var userPage = await fixture.NewPageAsync();
        await userPage.SignInAsync(username, Password, "/");
        await userPage.WaitForURLAsync(u => u.EndsWith("/" + domainId, StringComparison.Ordinal));
        await Assertions.Expect(userPage.Locator("main")).ToContainTextAsync(domainId);
        await userPage.ScreenshotAsync("admin-granted-user-home");
    }

    [Fact]
    public async Task EveryAdminPage_Opens_ShowsItsContent_AndTheMainOnesAreAccessible()
    {
        if (!fixture.Started)
        {
            return;
        }
        var page = await fixture.NewPageAsync();
        await page.SignInAsync("admin", LocalPlatform.AdminPassword, "/admin/roles");
        await Assertions.Expect(page.GetByTestId("role-card-IAM_MANAGER")).ToBeVisibleAsync();
        await page.ScreenshotAsync("admin-roles");
        await page.AssertAccessibleAsync();

        var pages = new (string Path, string Heading, string Shot, bool Axe)[]
        {
            ("/admin/groups", "Groups", "admin-groups", true),
            ("/admin/domains", "Domains", "admin-domains", true),
            ("/admin/bundles", "Resource bundles", "admin-bundles", true),
            ("/admin/node-types", "Node types", "admin-node-types", true),
            ("/admin/volumes", "Volumes", "admin-volumes", false),
            ("/admin/spark-settings", "Spark settings", "admin-spark-settings", false),
            ("/admin/smtp", "Email (SMTP)", "admin-smtp", true),
            ("/admin/catalogs", "Lakehouse catalogs", "admin-catalogs", false),
            ("/admin/sign-in", "LDAP and SSO", "admin-sign-in", true),
        };
        foreach (var (path, heading, shot, axe) in pages)
        {
            await page.GotoAsync(path);
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(heading);
            await Assertions.Expect(page.Locator(".mud-progress-linear")).ToHaveCountAsync(0);
            await page.ScreenshotAsync(shot);
            if (axe)
            {
                await page.AssertAccessibleAsync();
            }
        }

        await page.GotoAsync("/admin/node-types");
        var name = "nt-" + Guid.NewGuid().ToString("N")[..6];
        await page.Locator("#node-type-name").FillAsync(name);
        await page.Locator("#node-type-cpu").FillAsync("2000");
        await page.Locator("#node-type-memory").FillAsync("8192");
        await page.GetByTestId("save-node-type").ClickAsync();
        await Assertions.Expect(page.GetByTestId("node-types-table")).ToContainTextAsync(name);

        await page.GotoAsync("/admin/sign-in");
        await page.Locator("#ldap-url").FillAsync("http://not-ldap");
        await page.Locator("#ldap-users-dn").FillAsync("ou=people,dc=example,dc=org");
        await page.GetByTestId("save-ldap").ClickAsync();
        await Assertions.Expect(page.GetByTestId("problem")).ToContainTextAsync("connectionUrl");
        await page.ScreenshotAsync("admin-sign-in-invalid");
        await page.GetByRole(AriaRole.Tab, new() { Name = "SSO (OpenID Connect)" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("sso-not-configured")).ToBeVisibleAsync();
        await page.ScreenshotAsync("admin-sign-in-sso");
    }
}
