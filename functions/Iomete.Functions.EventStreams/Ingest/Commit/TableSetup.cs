using Iomete.Engine.Catalogs;
using Iomete.Functions.EventStreams.Ingest.Rows;
using Iomete.Iceberg.Commits;
using Iomete.Iceberg.Schemas;
using Iomete.Iceberg.Types;

namespace Iomete.Functions.EventStreams.Ingest.Commit;

/// <summary>
/// Gets a table ready for a stream's commit: adds the system columns a target table lacks (a schema change, as
/// IOMETE does on first ingest), and creates a dead-letter table on first use.
/// </summary>
internal static class TableSetup
{
    public const string DeadLetterSuffix = "_dead_letter";

    public static TableIdent DeadLetterOf(TableIdent table) => table with { Name = table.Name + DeadLetterSuffix };

    /// <returns>The table as loaded after any change; null when the table does not exist.</returns>
    public static async Task<CatalogTable?> PrepareAsync(ILakehouseCatalog catalog, TableIdent ident, bool deadLetter, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            var table = await catalog.LoadTableAsync(ident, ct);
            if (table is null)
            {
                if (!deadLetter)
                {
                    return null;
                }
                try
                {
                    table = await catalog.CreateTableAsync(ident, new NewTable(DeadLetterSchema(), null, null,
                        new Dictionary<string, string> { ["comment"] = "Rows an event stream could not write to its table" }), stage: false, ct);
                }
                catch (CatalogAlreadyExistsException)
                {
                    continue;
                }
            }
            var metadata = table.Metadata;
            var missing = SystemColumns.All.Where(c => metadata.CurrentSchema.Fields.All(f => f.Name != c.Name)).ToList();
            if (missing.Count == 0)
            {
                return table;
            }
            var update = new UpdateSchema(metadata.CurrentSchema, metadata.LastColumnId, metadata.FormatVersion);
            foreach (var (name, type, doc) in missing)
            {
                update.AddColumn(null, name, type, doc);
            }
            var schema = update.Apply();
            try
            {
                await catalog.CommitAsync(ident,
                    [new AssertCurrentSchemaId(metadata.CurrentSchemaId), new AssertLastAssignedFieldId(metadata.LastColumnId)],
                    [new AddSchema(schema, update.LastColumnId), new SetCurrentSchema(-1)], ct);
            }
            catch (CatalogCommitConflictException) when (attempt < 10)
            {
            }
        }
    }

    private static Schema DeadLetterSchema()
    {
        var id = 0;
        NestedField Field(string name, IcebergType type, string doc) => new(++id, name, Required: false, type, doc);
        return new Schema(0,
        [
            Field("row_index", IcebergTypes.Int, "Index of the row in its request (0-based)"),
            Field("payload", IcebergTypes.String, "The row as it was sent"),
            Field("error_column", IcebergTypes.String, "The column whose value did not fit (empty when the row was not an object)"),
            Field("error", IcebergTypes.String, "Why the row did not fit"),
            Field(SystemColumns.Id, IcebergTypes.String, "Event id assigned at ingestion (UUID)"),
            Field(SystemColumns.Timestamp, IcebergTypes.TimestampTz, "When the event was acknowledged"),
            Field(SystemColumns.WriteId, IcebergTypes.String, "Id of the commit that wrote the event"),
        ]);
    }
}
