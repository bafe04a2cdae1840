using System.Text.Json;
using System.Text.Json.Serialization;
using Iomete.Platform.Errors;
using Microsoft.AspNetCore.Http;

namespace Iomete.Functions.IcebergRest.Errors;

/// <summary>
/// Writes every error under <c>/catalogs/</c> as the spec's <c>IcebergErrorResponse</c>
/// <c>{"error":{"message","type","code"}}</c>. Iceberg errors carry their Java type name in the
/// problem's errorCode; platform errors (401 from the caller accessor, 400 from body validation,
/// routing misses) get the type the Java reference adapter uses for their status.
/// </summary>
internal sealed class IcebergErrorBodyWriter : IErrorBodyWriter
{
    public static readonly PathString Prefix = new("/catalogs");

    public bool Handles(PathString path) => path.StartsWithSegments(Prefix, StringComparison.Ordinal);

    public async Task WriteBodyAsync(Problem problem, HttpContext context)
    {
        var type = IsIcebergType(problem.ErrorCode) ? problem.ErrorCode : IcebergErrors.TypeFor(problem.Status);
        var body = new IcebergErrorResponse(new ErrorModel(problem.Detail ?? problem.Title, type, problem.Status));
        context.Response.ContentType = "application/json; charset=utf-8";
        await JsonSerializer.SerializeAsync(context.Response.Body, body, Options, CancellationToken.None);
    }

    private static bool IsIcebergType(string code) =>
        code.EndsWith("Exception", StringComparison.Ordinal) || code == IcebergErrors.InternalServerError;

    private static readonly JsonSerializerOptions Options = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    private sealed record IcebergErrorResponse([property: JsonPropertyName("error")] ErrorModel Error);

    private sealed record ErrorModel(
        [property: JsonPropertyName("message")] string Message,
        [property: JsonPropertyName("type")] string Type,
        [property: JsonPropertyName("code")] int Code);
}
