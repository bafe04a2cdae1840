using System.Text.Json;
using Iomete.Iceberg.Commits;
using Iomete.Iceberg.Json;

namespace Iomete.Iceberg.Views;

public static partial class ViewCommitJson
{
    public static string UpdateToJson(TableUpdate update) => JsonWrite.ToString(w => WriteUpdate(w, update));

    public static void WriteUpdates(Utf8JsonWriter writer, IEnumerable<TableUpdate> updates)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(updates);
        writer.WriteStartArray();
        foreach (var update in updates)
        {
            WriteUpdate(writer, update);
        }
        writer.WriteEndArray();
    }

    /// <summary>Writes one view update; the inverse of <see cref="ReadUpdate"/> (a table-only action is an argument error).</summary>
    public static void WriteUpdate(Utf8JsonWriter writer, TableUpdate update)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(update);
        switch (update)
        {
            case AddViewVersion u:
                writer.WriteStartObject();
                writer.WriteString("action", u.Action);
                writer.WritePropertyName("view-version");
                ViewMetadataJson.WriteVersion(writer, u.ViewVersion);
                writer.WriteEndObject();
                break;
            case SetCurrentViewVersion u:
                writer.WriteStartObject();
                writer.WriteString("action", u.Action);
                writer.WriteNumber("view-version-id", u.ViewVersionId);
                writer.WriteEndObject();
                break;
            case var shared when SharedActions.Contains(shared.Action):
                TableUpdateJson.Write(writer, shared);
                break;
            default:
                throw new ArgumentException($"Update action '{update.Action}' is not a view update.", nameof(update));
        }
    }

    public static string RequirementToJson(ViewRequirement requirement) => JsonWrite.ToString(w => WriteRequirement(w, requirement));

    public static void WriteRequirements(Utf8JsonWriter writer, IEnumerable<ViewRequirement> requirements)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(requirements);
        writer.WriteStartArray();
        foreach (var requirement in requirements)
        {
            WriteRequirement(writer, requirement);
        }
        writer.WriteEndArray();
    }

    public static void WriteRequirement(Utf8JsonWriter writer, ViewRequirement requirement)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(requirement);
        writer.WriteStartObject();
        writer.WriteString("type", requirement.Type);
        switch (requirement)
        {
            case AssertViewUuid r:
                writer.WriteString("uuid", r.Uuid.ToString("D"));
                break;
            default:
                throw new ArgumentException($"Unknown view requirement type {requirement.GetType().Name}.", nameof(requirement));
        }
        writer.WriteEndObject();
    }
}
