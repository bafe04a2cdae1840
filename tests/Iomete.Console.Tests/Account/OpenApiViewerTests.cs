using System.Net;
using System.Text.Json;
using Iomete.Console.Pages.Account;

namespace Iomete.Console.Tests.Account;

public sealed class OpenApiViewerTests : Admin.AdminTestContext
{
    private const string Document = """
    {
      "openapi": "3.1.1",
      "info": { "title": "Iomete", "version": "v1" },
      "paths": {
        "/api/v1/auth/tokens": {
          "get": { "tags": ["Access tokens"], "summary": "List my access tokens",
                   "parameters": [{ "name": "search", "in": "query", "schema": { "type": "string" } }],
                   "responses": { "200": { "description": "OK", "content": { "application/json": { "schema": { "type": "array", "items": { "$ref": "#/components/schemas/TokenView" } } } } } } },
          "post": { "tags": ["Access tokens"], "summary": "Create an access token",
                    "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/CreateToken" } } } },
                    "responses": { "201": { "description": "Created", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/TokenView" } } } } } }
        },
        "/api/v1/admin/identity/users/{userId}": {
          "parameters": [{ "name": "userId", "in": "path", "required": true, "schema": { "type": "string" } }],
          "delete": { "tags": ["Users"], "summary": "Delete a user", "responses": { "204": { "description": "No Content" } } }
        }
      },
      "components": { "schemas": {
        "CreateToken": { "type": "object", "required": ["name"], "properties": { "name": { "type": "string", "description": "unique per user" }, "maxRps": { "type": ["integer", "null"] } } },
        "TokenView": { "type": "object", "properties": { "name": { "type": "string" }, "status": { "$ref": "#/components/schemas/TokenStatus" }, "owner": { "$ref": "#/components/schemas/TokenView" } } },
        "TokenStatus": { "type": "string", "enum": ["ACTIVE", "SUSPENDED"] }
      } }
    }
    """;

    [Fact]
    public void TheModel_GroupsOperationsByTag_ResolvesSchemas_AndSearchesEveryWord()
    {
        using var doc = JsonDocument.Parse(Document);
        var model = OpenApiModel.Parse(doc.RootElement);

        Assert.Equal(new[] { "Access tokens", "Users" }, model.Groups(null).Select(g => g.Key));
        var create = model.Operations.Single(o => o.Method == "POST");
        var name = create.RequestBody!.Children.Single(c => c.Name == "name");
        Assert.True(name.Required);
        Assert.Equal("unique per user", name.Description);
        Assert.Equal("integer | null", create.RequestBody.Children.Single(c => c.Name == "maxRps").Type);
        var view = create.Responses.Single().Body!;
        Assert.Equal("ACTIVE | SUSPENDED", view.Children.Single(c => c.Name == "status").Type);
        Assert.Empty(view.Children.Single(c => c.Name == "owner").Children);
        Assert.Equal("TokenView[]", model.Operations.Single(o => o.Method == "GET").Responses.Single().Body!.Type);
        Assert.Equal("userId", model.Operations.Single(o => o.Method == "DELETE").Parameters.Single().Name);

        Assert.Equal("DELETE", Assert.Single(Assert.Single(model.Groups("delete user"))).Method);
        Assert.Equal(2, Assert.Single(model.Groups("tokens")).Count());
        Assert.Empty(model.Groups("tokens delete"));
    }

    [Fact]
    public void ThePage_ListsOperationsUnderTheirTags_AndFiltersAsYouType()
    {
        SignedIn();
        Platform.On(HttpMethod.Get, "/openapi/v1.json", HttpStatusCode.OK, Document);
        Providers();
        var page = Render<ApiReference>();
        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("[data-testid=api-operation]").Count));
        Assert.Equal(new[] { "Access tokens", "Users" }, page.FindAll("[data-testid=api-tag]").Select(s => s.GetAttribute("data-tag") ?? ""));

        page.Find("#api-search").Input("create token");
        page.WaitForAssertion(() => Assert.Equal("post-api-v1-auth-tokens", Assert.Single(page.FindAll("[data-testid=api-operation]")).GetAttribute("data-operation")));
        Assert.Contains("1 of 3 operations", page.Find("[data-testid=api-count]").TextContent, StringComparison.Ordinal);

        page.Find("#api-search").Input("nothing-like-this");
        page.WaitForAssertion(() => page.Find("[data-testid=empty-state]"));
    }
}
