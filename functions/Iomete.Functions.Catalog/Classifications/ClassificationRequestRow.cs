namespace Iomete.Functions.Catalog.Classifications;

internal sealed class ClassificationRequestRow
{
    public string Id { get; init; } = "";
    public string RequestType { get; init; } = "";
    public string TagId { get; init; } = "";
    public string TagName { get; init; } = "";
    public string Catalog { get; init; } = "";
    public string DatabaseName { get; init; } = "";
    public string TableName { get; init; } = "";
    public string ColumnName { get; init; } = "";
    public string RecordKey { get; init; } = "";
    public string? Justification { get; init; }
    public string Status { get; init; } = "";
    public string? Comment { get; init; }
    public string RequestedBy { get; init; } = "";
    public string DomainId { get; init; } = "";
    public string? ReviewedBy { get; init; }
    public long CreatedMs { get; init; }
    public long UpdatedMs { get; init; }
    public long? ClosedMs { get; init; }
    public long Version { get; init; }

    public ClassificationRequest ToRequest() => new(
        Id, ClassificationNames.Type(RequestType), ClassificationNames.Status(Status), TagId, TagName, Catalog, DatabaseName, TableName,
        ColumnName.Length == 0 ? null : ColumnName, RecordKey, Justification, Comment, RequestedBy, DomainId, ReviewedBy,
        DateTimeOffset.FromUnixTimeMilliseconds(CreatedMs), DateTimeOffset.FromUnixTimeMilliseconds(UpdatedMs),
        ClosedMs is { } c ? DateTimeOffset.FromUnixTimeMilliseconds(c) : null, Version);
}
