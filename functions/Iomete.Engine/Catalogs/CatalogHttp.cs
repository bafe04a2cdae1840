using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Iomete.Platform.Messaging;

namespace Iomete.Engine.Catalogs;

/// <summary>
/// Sends requests to the Iceberg REST service through service invocation, with the caller's credential headers on each,
/// and turns error responses into <see cref="CatalogException"/>s.
/// </summary>
internal sealed class CatalogHttp(IServiceInvoker invoker, IReadOnlyDictionary<string, string> credentials)
{
    /// <summary>The app id of the Iceberg REST service (its service name; the engine does not reference that assembly).</summary>
    public const string AppId = "iceberg";

    private static readonly MediaTypeHeaderValue JsonType = new("application/json") { CharSet = "utf-8" };

    /// <summary>Sends a request; the caller disposes the response. Transport failures become <see cref="CatalogUnavailableException"/>.</summary>
    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, byte[]? body, CancellationToken ct, string? ifNoneMatch = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        foreach (var (name, value) in credentials)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (ifNoneMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        }
        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = JsonType;
        }
        try
        {
            return await invoker.InvokeAsync(AppId, request, ct);
        }
        catch (HttpRequestException ex)
        {
            throw new CatalogUnavailableException($"The catalog could not be reached: {ex.Message}", ex);
        }
        catch (IOException ex)
        {
            throw new CatalogUnavailableException($"The catalog could not be reached: {ex.Message}", ex);
        }
        catch (TaskCanceledException ex) when (!ct.IsCancellationRequested)
        {
            throw new CatalogUnavailableException("The catalog did not answer in time.", ex);
        }
    }

    /// <summary>Sends a request and returns its JSON body (null for a response without one); an error status throws.</summary>
    public async Task<JsonNode?> JsonAsync(HttpMethod method, string path, byte[]? body, CancellationToken ct)
    {
        using var response = await SendAsync(method, path, body, ct);
        if (!response.IsSuccessStatusCode)
        {
            throw (await CatalogError.ReadAsync(response, ct)).ToException();
        }
        return await ReadJsonAsync(response, ct);
    }

    public static async Task<JsonNode?> ReadJsonAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var bytes = await response.Content.ReadAsByteArrayAsync(ct);
        if (bytes.Length == 0)
        {
            return null;
        }
        try
        {
            return JsonNode.Parse(bytes);
        }
        catch (JsonException ex)
        {
            throw new CatalogUnavailableException($"The catalog answered {(int)response.StatusCode} with malformed JSON: {ex.Message}", ex);
        }
    }
}

/// <summary>An error response: the Iceberg <c>ErrorModel</c> (<c>{"error":{"message","type","code"}}</c>) or, off the catalog routes, RFC 9457.</summary>
internal sealed record CatalogError(int Status, string? Type, string Message)
{
    public const string NoSuchNamespace = "NoSuchNamespaceException";
    public const string NoSuchTable = "NoSuchTableException";
    public const string NoSuchView = "NoSuchViewException";

    public bool Is(HttpStatusCode status, string type) => Status == (int)status && Type == type;

    public static async Task<CatalogError> ReadAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var status = (int)response.StatusCode;
        JsonNode? body;
        try
        {
            body = await CatalogHttp.ReadJsonAsync(response, ct);
        }
        catch (CatalogUnavailableException)
        {
            body = null;
        }
        var error = body as JsonObject;
        var model = error?["error"] as JsonObject;
        var type = Text(model?["type"]) ?? Text(error?["errorCode"]);
        var message = Text(model?["message"]) ?? Text(error?["detail"]) ?? Text(error?["title"])
                      ?? $"The catalog answered {status} {response.ReasonPhrase}";
        return new CatalogError(status, type, message);
    }

    public CatalogException ToException() => Status switch
    {
        404 => new CatalogNotFoundException(Message),
        409 when Type == "CommitFailedException" => new CatalogCommitConflictException(Message),
        409 when Type == "NamespaceNotEmptyException" => new CatalogRequestException(Message),
        409 => new CatalogAlreadyExistsException(Message),
        401 or 403 => new CatalogForbiddenException(Message),
        429 or >= 500 => new CatalogUnavailableException(Message),
        _ => new CatalogRequestException(Message),
    };

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
}
