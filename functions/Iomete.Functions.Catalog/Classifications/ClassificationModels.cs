namespace Iomete.Functions.Catalog.Classifications;

public enum ClassificationRequestType
{
    Add,
    Remove,
}

/// <summary>IN_REVIEW → APPROVED | REJECTED | CANCELLED; the three closed states are final.</summary>
public enum ClassificationRequestStatus
{
    InReview,
    Approved,
    Rejected,
    Cancelled,
}

/// <summary>A governed tag (e.g. PII) that tables and columns get through approved requests.</summary>
/// <param name="UsageCount">Tables and columns that carry the tag.</param>
public sealed record ClassificationTag(
    string Id,
    string Name,
    string? Description,
    long UsageCount,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    long Version);

/// <summary>A table (<see cref="ColumnName"/> null) or column that carries a tag.</summary>
public sealed record ClassificationAsset(
    string CatalogName,
    string SchemaName,
    string TableName,
    string? ColumnName,
    string? RequestId,
    string? AssignedBy,
    DateTimeOffset AssignedAt);

/// <summary>A request to add a tag to, or remove it from, a table or column; IOMETE's field names.</summary>
public sealed record ClassificationRequest(
    string Id,
    ClassificationRequestType RequestType,
    ClassificationRequestStatus Status,
    string ClassificationTagId,
    string ClassificationTagName,
    string CatalogName,
    string SchemaName,
    string TableName,
    string? ColumnName,
    string RecordKey,
    string? Justification,
    string? Comment,
    string RequestedByUserId,
    string RequestedFromDomainId,
    string? ReviewedByUserId,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? ClosedAt,
    long Version)
{
    public bool IsOpen => Status == ClassificationRequestStatus.InReview;
}

internal static class ClassificationNames
{
    public static string Stored(ClassificationRequestStatus s) => s switch
    {
        ClassificationRequestStatus.InReview => "IN_REVIEW",
        ClassificationRequestStatus.Approved => "APPROVED",
        ClassificationRequestStatus.Rejected => "REJECTED",
        _ => "CANCELLED",
    };

    public static ClassificationRequestStatus Status(string s) => s switch
    {
        "IN_REVIEW" => ClassificationRequestStatus.InReview,
        "APPROVED" => ClassificationRequestStatus.Approved,
        "REJECTED" => ClassificationRequestStatus.Rejected,
        _ => ClassificationRequestStatus.Cancelled,
    };

    public static string Stored(ClassificationRequestType t) => t == ClassificationRequestType.Add ? "ADD" : "REMOVE";

    public static ClassificationRequestType Type(string s) => s == "ADD" ? ClassificationRequestType.Add : ClassificationRequestType.Remove;

    /// <summary>IOMETE's record key: the tagged object's full name.</summary>
    public static string RecordKey(string catalog, string schema, string table, string? column) =>
        column is null ? $"{catalog}.{schema}.{table}" : $"{catalog}.{schema}.{table}.{column}";
}
