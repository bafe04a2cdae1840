using System.Text.Json.Nodes;
using Iomete.Functions.IcebergRest.Errors;
using Iomete.Iceberg.Commits;
using Iomete.Iceberg.Json;
using Iomete.Iceberg.Schemas;
using Iomete.Platform.Http;
using Microsoft.AspNetCore.Http;

namespace Iomete.Functions.IcebergRest;

/// <summary>Request bodies of the Iceberg routes: read as JSON objects, parsed by the table-format library's strict readers.</summary>
public static class IcebergRequest
{
    /// <summary>The body as a JSON object; 400 for malformed JSON, 413 when too large, 415 for another media type.</summary>
    public static Task<JsonObject> ReadObjectAsync(HttpRequest request, CancellationToken ct) => RequestBody.ReadAsync<JsonObject>(request, ct);

    /// <summary>Runs a library reader; a spec violation becomes a 400 <c>BadRequestException</c> naming the JSON path.</summary>
    public static T Parse<T>(Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Exception ex) when (ex is IcebergFormatException or SchemaValidationException or InvalidCommitException or ArgumentException or FormatException or InvalidOperationException)
        {
            throw IcebergErrors.BadRequestError(ex.Message);
        }
    }

    /// <summary>An optional string member; 400 when present with another JSON kind.</summary>
    public static string? OptionalString(JsonObject body, string name)
    {
        if (!body.TryGetPropertyValue(name, out var node) || node is null)
        {
            return null;
        }
        return node is JsonValue value && value.TryGetValue<string>(out var s)
            ? s
            : throw IcebergErrors.BadRequestError($"Invalid request: '{name}' must be a string.");
    }

    public static string RequiredString(JsonObject body, string name) =>
        OptionalString(body, name) ?? throw IcebergErrors.BadRequestError($"Invalid request: '{name}' is required.");

    public static bool OptionalBool(JsonObject body, string name)
    {
        if (!body.TryGetPropertyValue(name, out var node) || node is null)
        {
            return false;
        }
        return node is JsonValue value && value.TryGetValue<bool>(out var b)
            ? b
            : throw IcebergErrors.BadRequestError($"Invalid request: '{name}' must be a boolean.");
    }

    /// <summary>An optional map of strings; 400 when a value is not a string.</summary>
    public static Dictionary<string, string> StringMap(JsonObject body, string name)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!body.TryGetPropertyValue(name, out var node) || node is null)
        {
            return map;
        }
        if (node is not JsonObject obj)
        {
            throw IcebergErrors.BadRequestError($"Invalid request: '{name}' must be an object of strings.");
        }
        foreach (var (key, value) in obj)
        {
            map[key] = value is JsonValue v && v.TryGetValue<string>(out var s)
                ? s
                : throw IcebergErrors.BadRequestError($"Invalid request: '{name}.{key}' must be a string.");
        }
        return map;
    }

    /// <summary>Query flag with the spec's spelling (<c>true</c>/<c>false</c>); 400 for anything else.</summary>
    public static bool QueryBool(HttpRequest request, string name)
    {
        var value = request.Query[name].ToString();
        return value.Length == 0 ? false : bool.TryParse(value, out var b) ? b
            : throw IcebergErrors.BadRequestError($"Invalid query parameter {name}: expected true or false.");
    }
}
