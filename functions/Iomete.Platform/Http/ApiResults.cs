using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Iomete.Platform.Http;

/// <summary>
/// Results that write themselves with the API's JSON conventions, identically under the
/// Functions worker and the local host (no MVC formatters involved).
/// </summary>
public static class ApiResults
{
    public static IActionResult Ok<T>(T value) => new JsonBodyResult<T>(200, value);

    public static IActionResult Created<T>(T value, string? location = null) =>
        new JsonBodyResult<T>(201, value) { Location = location };

    public static IActionResult Accepted<T>(T value) => new JsonBodyResult<T>(202, value);

    public static IActionResult NoContent() => new StatusOnlyResult(204);

    public static IActionResult Json<T>(int status, T value) => new JsonBodyResult<T>(status, value);

    public static IActionResult Bytes(ReadOnlyMemory<byte> content, string contentType) => new BytesResult(content, contentType);
}

public sealed class BytesResult(ReadOnlyMemory<byte> content, string contentType) : IActionResult
{
    public async Task ExecuteResultAsync(ActionContext context)
    {
        var response = context.HttpContext.Response;
        response.StatusCode = 200;
        response.ContentType = contentType;
        response.ContentLength = content.Length;
        await response.Body.WriteAsync(content, context.HttpContext.RequestAborted);
    }
}

/// <summary>A JSON result whose body can be captured (for idempotent replay) without executing it.</summary>
public interface IJsonBody
{
    int Status { get; }

    string Serialize();
}

public sealed class JsonBodyResult<T>(int status, T value) : IActionResult, IJsonBody
{
    public int Status => status;
    public T Value => value;
    public string? Location { get; init; }

    public string Serialize() => JsonSerializer.Serialize(value, Json.Options);

    public async Task ExecuteResultAsync(ActionContext context)
    {
        var response = context.HttpContext.Response;
        response.StatusCode = status;
        response.ContentType = "application/json; charset=utf-8";
        if (Location is not null)
        {
            response.Headers.Location = Location;
        }
        await JsonSerializer.SerializeAsync(response.Body, value, Json.Options, context.HttpContext.RequestAborted);
    }
}

public sealed class StatusOnlyResult(int status) : IActionResult
{
    public int Status => status;

    public Task ExecuteResultAsync(ActionContext context)
    {
        context.HttpContext.Response.StatusCode = status;
        return Task.CompletedTask;
    }
}
