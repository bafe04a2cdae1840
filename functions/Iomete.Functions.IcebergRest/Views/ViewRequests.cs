using System.Text.Json;
using System.Text.Json.Nodes;
using Iomete.Functions.IcebergRest.Errors;
using Iomete.Functions.IcebergRest.Namespaces;
using Iomete.Functions.IcebergRest.Objects;
using Iomete.Iceberg.Commits;
using Iomete.Iceberg.Json;
using Iomete.Iceberg.Schemas;
using Iomete.Iceberg.Views;
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
        var body = await IcebergRequest.ReadObjectAsync(request, ct);
        var name = ObjectName.Validate(IcebergRequest.RequiredString(body, "name"), "view");
        var location = IcebergRequest.OptionalString(body, "location");
        var properties = IcebergRequest.StringMap(body, "properties");
        return IcebergRequest.Parse(() => new CreateViewInput(
            name,
            location,
            SchemaJson.Read(Required(body, "schema"), "$.schema"),
            ViewMetadataJson.ReadVersion(Required(body, "view-version"), "$.view-version"),
            properties));
    }

    /// <summary>Reads a CommitViewRequest; an <c>identifier</c>, when sent, must name the view of the route.</summary>
    public static async Task<CommitViewInput> ReadCommitAsync(HttpRequest request, NamespaceName ns, string name, CancellationToken ct)
    {
        var body = await IcebergRequest.ReadObjectAsync(request, ct);
        return IcebergRequest.Parse(() =>
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

    private static JsonNode Required(JsonObject body, string member) =>
        body[member] ?? throw IcebergErrors.BadRequestError($"Invalid request: '{member}' is required.");
}
