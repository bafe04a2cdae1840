using System.Text.Json;
using System.Text.Json.Nodes;
using Iomete.Functions.IcebergRest.Errors;
using Iomete.Functions.IcebergRest.Namespaces;
using Iomete.Functions.IcebergRest.Objects;
using Iomete.Iceberg.Commits;
using Iomete.Iceberg.Json;
using Iomete.Iceberg.Schemas;
using Iomete.Iceberg.Views;
using Iomete.Platform.Http;
using Microsoft.AspNetCore.Http;

namespace Iomete.Functions.IcebergRest.Views;

/// <summary>A parsed CreateViewRequest.</summary>
public sealed record CreateViewInput(string Name, string? Location, Schema Schema, ViewVersion Version, IReadOnlyDictionary<string, string> Properties);

/// <summary>A parsed CommitViewRequest.</summary>
public sealed record CommitViewInput(IReadOnlyList<ViewRequirement> Requirements, IReadOnlyList<TableUpdate> Updates);

/// <summary>Reads view request bodies with the strict Iceberg readers; every malformed member is a 400 BadRequestException naming it.</summary>
internal static class ViewRequests
{
    public static async Task<CreateViewInput> ReadCreateAsync(HttpRequest request, CancellationToken ct)
    {
        var body = await RequestBody.ReadAsync<JsonObject>(request, ct);
        return Parse(() => new CreateViewInput(
            ObjectName.Validate(RequiredString(body, "name"), "view"),
            OptionalString(body, "location"),
            SchemaJson.Read(Required(body, "schema"), "$.schema"),
            ViewMetadataJson.ReadVersion(Required(body, "view-version"), "$.view-version"),
            body["properties"] is { } props ? StringMap(props, "properties") : new Dictionary<string, string>()));
    }

    /// <summary>Reads a CommitViewRequest; an <c>identifier</c>, when sent, must name the view of the route.</summary>
    public static async Task<CommitViewInput> ReadCommitAsync(HttpRequest request, NamespaceName ns, string name, CancellationToken ct)
    {
        var body = await RequestBody.ReadAsync<JsonObject>(request, ct);
        return Parse(() =>
        {
            if (body["identifier"] is JsonObject identifier)
            {
                var levels = identifier["namespace"] is JsonArray array ? array.Select(l => l?.GetValueKind() == JsonValueKind.String ? l.GetValue<string>() : null).ToList() : null;
                var sameName = identifier["name"] is JsonValue v && v.GetValueKind() == JsonValueKind.String && v.GetValue<string>() == name;
                if (!sameName || levels is null || !levels.SequenceEqual(ns.Levels))
                {
                    throw IcebergErrors.BadRequestError("Invalid identifier: it must name the view of the request path.");
                }
            }
            var requirements = body["requirements"] is { } reqs ? ViewCommitJson.ReadRequirements(reqs, "$.requirements") : [];
            return new CommitViewInput(requirements, ViewCommitJson.ReadUpdates(Required(body, "updates"), "$.updates"));
        });
    }

    private static T Parse<T>(Func<T> parse)
    {
        try
        {
            return parse();
        }
        catch (IcebergFormatException ex)
        {
            throw IcebergErrors.BadRequestError($"Invalid request body: {ex.Message}");
        }
    }

    private static JsonNode Required(JsonObject body, string member) =>
        body[member] ?? throw IcebergErrors.BadRequestError($"Invalid request body: missing required member '{member}'.");

    private static string RequiredString(JsonObject body, string member) =>
        OptionalString(body, member) ?? throw IcebergErrors.BadRequestError($"Invalid request body: missing required member '{member}'.");

    private static string? OptionalString(JsonObject body, string member) => body[member] switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        _ => throw IcebergErrors.BadRequestError($"Invalid request body: '{member}' must be a string."),
    };

    private static Dictionary<string, string> StringMap(JsonNode node, string member)
    {
        if (node is not JsonObject obj)
        {
            throw IcebergErrors.BadRequestError($"Invalid request body: '{member}' must be an object of strings.");
        }
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in obj)
        {
            map[key] = value is JsonValue v && v.GetValueKind() == JsonValueKind.String
                ? v.GetValue<string>()
                : throw IcebergErrors.BadRequestError($"Invalid request body: '{member}.{key}' must be a string.");
        }
        return map;
    }
}
