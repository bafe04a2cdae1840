using System.Text.Json.Nodes;

namespace Iomete.Engine.Sessions.Queries;

/// <summary>A <c>BASE_TABLE</c> node of a query AST: the name as written and its time-travel clause, if any.</summary>
internal sealed record TableReference(JsonObject Node, string? Catalog, string? Schema, string Name, string? Alias, TimeTravel? AsOf)
{
    public IReadOnlyList<string> Parts =>
        [.. new[] { Catalog, Schema }.Where(p => !string.IsNullOrEmpty(p)).Cast<string>(), Name];
}

/// <summary><c>AT (VERSION => n)</c> or <c>AT (TIMESTAMP => expr)</c>; the expression's AST is kept for evaluation.</summary>
internal sealed record TimeTravel(string Unit, JsonNode Expression);
