using System.Text.Json;
using Iomete.Console.Api;

namespace Iomete.Console.Pages.DataSecurity;

/// <summary>How the policy tester words the evaluation the API returned.</summary>
public static class TesterText
{
    public static string Decided(JsonElement? access) =>
        access is { } a ? (a.Long("policyId") is { } id ? $"by policy {id} ({a.Str("reason")})" : $"({a.Str("reason")})") : "";

    public static string RowFilter(JsonElement? filter) =>
        filter is { } f && f.Str("expression") is { } expression
            ? $"Row filter: {expression} (policy {f.Long("policyId")})"
            : "No row filter: every row.";

    public static string Mask(JsonElement? mask)
    {
        if (mask is not { } m)
        {
            return "None";
        }
        var text = m.Str("type") ?? "MASK";
        if (m.Str("expression") is { } expression)
        {
            text += $" {expression}";
        }
        if (m.Str("condition") is { } condition)
        {
            text += $" where {condition}";
        }
        return text;
    }

    public static string Policies(JsonElement column)
    {
        var parts = new List<string>();
        parts.Add(column.Long("policyId") is { } access ? $"access: {access}" : $"access: {column.Str("reason")}");
        if (column.Obj("mask") is { } mask && mask.Long("policyId") is { } maskId)
        {
            parts.Add($"mask: {maskId}");
        }
        return string.Join(", ", parts);
    }
}
