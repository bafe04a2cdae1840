using System.Text.Json.Nodes;

namespace Iomete.Iceberg.Types;

/// <summary>
/// A field's <c>initial-default</c> or <c>write-default</c>, kept as its JSON single-value form
/// (the spec's JSON serialization of a literal, e.g. <c>1</c>, <c>"a"</c>, <c>"2017-11-16"</c>),
/// compact, so that equality is by value.
/// </summary>
public sealed record DefaultValue
{
    public DefaultValue(JsonNode? node) => Json = node?.ToJsonString() ?? "null";

    /// <summary>The compact JSON text of the value.</summary>
    public string Json { get; }

    public static DefaultValue Of(long value) => new(JsonValue.Create(value));

    public static DefaultValue Of(string value) => new(JsonValue.Create(value));

    public static DefaultValue Of(bool value) => new(JsonValue.Create(value));

    public JsonNode? ToNode() => JsonNode.Parse(Json);

    public bool IsNull => Json == "null";

    public override string ToString() => Json;
}
