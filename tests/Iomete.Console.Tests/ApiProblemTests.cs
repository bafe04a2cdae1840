using Iomete.Console.Api;

namespace Iomete.Console.Tests;

public sealed class ApiProblemTests
{
    [Fact]
    public void AProblemDetailsBody_GivesTitleDetailCodeAndFieldErrors()
    {
        var p = ApiProblem.Parse(400, "Bad Request",
            """{"title":"Validation failed","status":400,"detail":"name is required","errorCode":"VALIDATION","errors":{"name":["is required"]}}""");
        Assert.Equal(("Validation failed", "name is required", "VALIDATION"), (p.Title, p.Detail, p.ErrorCode));
        Assert.Equal(["is required"], p.For("NAME"));
        Assert.Equal("name is required", p.Message);
    }

    [Fact]
    public void TheIcebergErrorModel_IsReadToo()
    {
        var p = ApiProblem.Parse(409, "Conflict", """{"error":{"message":"Table already exists: db.t","type":"AlreadyExistsException","code":409}}""");
        Assert.Equal(("AlreadyExistsException", "Table already exists: db.t"), (p.Title, p.Detail));
    }

    [Fact]
    public void ANonJsonBody_FallsBackToTheStatusLine()
    {
        var p = ApiProblem.Parse(502, "Bad Gateway", "<html>upstream</html>");
        Assert.Equal(("Bad Gateway", "<html>upstream</html>"), (p.Title, p.Detail));
        Assert.Empty(p.For("x"));
    }
}
