using Iomete.Iceberg.Types;

namespace Iomete.Functions.EventStreams.Ingest.Rows;

/// <summary>
/// The columns ingestion adds to every row (IOMETE's names): a random UUID per event, the ingest time, and the id of
/// the Iceberg commit that landed the row (the same id its snapshot summary carries). Clients cannot set them.
/// </summary>
internal static class SystemColumns
{
    public const string Id = "__id__";
    public const string Timestamp = "__ts__";
    public const string WriteId = "__write_id__";

    public static readonly IReadOnlyList<(string Name, IcebergType Type, string Doc)> All =
    [
        (Id, IcebergTypes.String, "Event id assigned at ingestion (UUID)"),
        (Timestamp, IcebergTypes.TimestampTz, "When the event was acknowledged"),
        (WriteId, IcebergTypes.String, "Id of the commit that wrote the event"),
    ];

    public static bool IsSystem(string name) => name is Id or Timestamp or WriteId;
}
