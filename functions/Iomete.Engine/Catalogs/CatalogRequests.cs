using System.Text.Json;
using Iomete.Iceberg.Commits;
using Iomete.Iceberg.Json;
using Iomete.Iceberg.Views;

namespace Iomete.Engine.Catalogs;

/// <summary>Request bodies of the Iceberg REST protocol, written with the table-format library's spec writers.</summary>
internal static class CatalogRequests
{
    public static byte[] CreateNamespace(string database, IReadOnlyDictionary<string, string> properties) => Write(w =>
    {
        w.WriteStartObject();
        w.WriteStartArray("namespace");
        w.WriteStringValue(database);
        w.WriteEndArray();
        WriteMap(w, "properties", properties);
        w.WriteEndObject();
    });

    /// <summary>The spec's CreateTableRequest.</summary>
    public static byte[] CreateTable(string name, NewTable table, bool stage) => Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("name", name);
        if (table.Location is not null)
        {
            w.WriteString("location", table.Location);
        }
        w.WritePropertyName("schema");
        SchemaJson.Write(w, table.Schema);
        if (table.PartitionSpec is not null)
        {
            w.WritePropertyName("partition-spec");
            PartitionSpecJson.Write(w, table.PartitionSpec);
        }
        if (table.SortOrder is not null)
        {
            w.WritePropertyName("write-order");
            SortOrderJson.Write(w, table.SortOrder);
        }
        w.WriteBoolean("stage-create", stage);
        WriteMap(w, "properties", table.Properties);
        w.WriteEndObject();
    });

    /// <summary>The spec's CommitTableRequest (the table is named by the path).</summary>
    public static byte[] CommitTable(IReadOnlyList<TableRequirement> requirements, IReadOnlyList<TableUpdate> updates) => Write(w =>
    {
        w.WriteStartObject();
        w.WritePropertyName("requirements");
        TableRequirementJson.WriteList(w, requirements);
        w.WritePropertyName("updates");
        TableUpdateJson.WriteList(w, updates);
        w.WriteEndObject();
    });

    /// <summary>The spec's RenameTableRequest.</summary>
    public static byte[] Rename(TableIdent from, TableIdent to) => Write(w =>
    {
        w.WriteStartObject();
        WriteIdentifier(w, "source", from);
        WriteIdentifier(w, "destination", to);
        w.WriteEndObject();
    });

    /// <summary>The spec's CreateViewRequest; the catalog makes the version number 1 and assigns the schema id.</summary>
    public static byte[] CreateView(string name, NewView view, ViewVersion version) => Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("name", name);
        w.WritePropertyName("schema");
        SchemaJson.Write(w, view.Schema);
        w.WritePropertyName("view-version");
        ViewMetadataJson.WriteVersion(w, version);
        WriteMap(w, "properties", view.Properties);
        w.WriteEndObject();
    });

    /// <summary>The spec's CommitViewRequest.</summary>
    public static byte[] CommitView(IReadOnlyList<ViewRequirement> requirements, IReadOnlyList<TableUpdate> updates) => Write(w =>
    {
        w.WriteStartObject();
        w.WritePropertyName("requirements");
        ViewCommitJson.WriteRequirements(w, requirements);
        w.WritePropertyName("updates");
        ViewCommitJson.WriteUpdates(w, updates);
        w.WriteEndObject();
    });

    private static void WriteIdentifier(Utf8JsonWriter w, string member, TableIdent ident)
    {
        w.WriteStartObject(member);
        w.WriteStartArray("namespace");
        w.WriteStringValue(ident.Database);
        w.WriteEndArray();
        w.WriteString("name", ident.Name);
        w.WriteEndObject();
    }

    private static void WriteMap(Utf8JsonWriter w, string member, IReadOnlyDictionary<string, string> map)
    {
        w.WriteStartObject(member);
        foreach (var (key, value) in map)
        {
            w.WriteString(key, value);
        }
        w.WriteEndObject();
    }

    private static byte[] Write(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }
        return buffer.ToArray();
    }
}
