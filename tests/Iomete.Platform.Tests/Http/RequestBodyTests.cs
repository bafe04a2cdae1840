using System.ComponentModel.DataAnnotations;
using System.Text;
using Iomete.Platform.Errors;
using Iomete.Platform.Http;
using Iomete.Platform.Options;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using ValidationException = Iomete.Platform.Errors.ValidationException;

namespace Iomete.Platform.Tests.Http;

public sealed class RequestBodyTests
{
    private const int Limit = 2048;

    public sealed record CreateThing(
        [property: Required, StringLength(10)] string Name,
        [property: Range(1, 10)] int Count,
        string? Note = null);

    [Fact]
    public async Task Read_OfAValidBody_ReturnsTheValue()
    {
        var thing = await RequestBody.ReadAsync<CreateThing>(Request("""{"name":"lake","count":3}"""), CancellationToken.None);

        Assert.Equal(new CreateThing("lake", 3), thing);
    }

    [Theory]
    [InlineData("""{"name":"lake","count":3""")]
    [InlineData("""{"name":"lake",}""")]
    [InlineData("not json")]
    [InlineData("""{"name":"lake","count":3} trailing""")]
    public async Task Read_OfMalformedJson_Is400(string body)
    {
        var ex = await Assert.ThrowsAsync<ValidationException>(() => RequestBody.ReadAsync<CreateThing>(Request(body), CancellationToken.None));

        Assert.Equal(400, ex.Status);
        Assert.Equal(ErrorCodes.Validation, ex.ErrorCode);
        Assert.StartsWith("Malformed JSON body", ex.Detail);
        Assert.NotEmpty(ex.Errors!);
    }

    [Fact]
    public async Task Read_WithAWrongType_NamesTheField()
    {
        var ex = await Assert.ThrowsAsync<ValidationException>(() =>
            RequestBody.ReadAsync<CreateThing>(Request("""{"name":"lake","count":"three"}"""), CancellationToken.None));

        Assert.Equal(400, ex.Status);
        Assert.Contains("count", ex.Errors!.Keys);
        Assert.DoesNotContain("System.", ex.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("null")]
    [InlineData("")]
    public async Task Read_OfANullOrEmptyBody_Is400(string body)
    {
        var ex = await Assert.ThrowsAsync<ValidationException>(() => RequestBody.ReadAsync<CreateThing>(Request(body), CancellationToken.None));

        Assert.Equal(400, ex.Status);
    }

    [Fact]
    public async Task Read_WithAMissingRequiredProperty_Is400()
    {
        var ex = await Assert.ThrowsAsync<ValidationException>(() => RequestBody.ReadAsync<CreateThing>(Request("""{"count":3}"""), CancellationToken.None));

        Assert.Equal(400, ex.Status);
    }

    [Fact]
    public async Task Read_ThatFailsValidation_ListsEveryInvalidField()
    {
        var ex = await Assert.ThrowsAsync<ValidationException>(() =>
            RequestBody.ReadAsync<CreateThing>(Request("""{"name":"much too long a name","count":99}"""), CancellationToken.None));

        Assert.Equal(400, ex.Status);
        Assert.Equal(["count", "name"], ex.Errors!.Keys.Order());
        Assert.Contains("name", ex.Detail, StringComparison.Ordinal);
        Assert.Contains("count", ex.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_WithADeclaredLengthOverTheLimit_Is413()
    {
        var request = Request("""{"name":"lake","count":3}""");
        request.ContentLength = Limit + 1;

        var ex = await Assert.ThrowsAsync<PayloadTooLargeException>(() => RequestBody.ReadAsync<CreateThing>(request, CancellationToken.None));

        Assert.Equal(413, ex.Status);
        Assert.Equal(ErrorCodes.PayloadTooLarge, ex.ErrorCode);
    }

    [Fact]
    public async Task Read_OfAnUndeclaredBodyOverTheLimit_Is413()
    {
        var request = Request("""{"name":"lake","count":3,"note":" """ + new string('x', Limit) + "\"}");
        request.ContentLength = null;

        var ex = await Assert.ThrowsAsync<PayloadTooLargeException>(() => RequestBody.ReadAsync<CreateThing>(request, CancellationToken.None));

        Assert.Equal(413, ex.Status);
    }

    [Fact]
    public async Task Read_OfANonJsonContentType_Is415()
    {
        var request = Request("""{"name":"lake","count":3}""");
        request.ContentType = "application/xml";

        var ex = await Assert.ThrowsAsync<ApiException>(() => RequestBody.ReadAsync<CreateThing>(request, CancellationToken.None));

        Assert.Equal(415, ex.Status);
    }

    private static HttpRequest Request(string body)
    {
        var services = new ServiceCollection();
        services.AddOptions<IometeOptions>().Configure(o => o.MaxRequestBodyBytes = Limit);
        var bytes = Encoding.UTF8.GetBytes(body);
        var context = new DefaultHttpContext { RequestServices = services.BuildServiceProvider() };
        context.Request.Method = "POST";
        context.Request.ContentType = "application/json";
        context.Request.ContentLength = bytes.Length;
        context.Request.Body = new MemoryStream(bytes);
        return context.Request;
    }
}
