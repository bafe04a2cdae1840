using System.ComponentModel.DataAnnotations;
using System.Text.Json;

namespace Iomete.Functions.Sql.Worksheets;

public enum WorkspaceKind
{
    Personal,
    Shared,
    Custom,
}

/// <summary>A workspace as the caller sees it: <c>my</c> (My Workspace), <c>shared</c>, or a custom workspace's id.</summary>
public sealed record WorkspaceView(string Id, string Name, WorkspaceKind Kind, string? Description, string? BundleId, string? CreatedBy, DateTimeOffset? CreatedAt);

public sealed record FolderView(string Id, string WorkspaceId, string? ParentId, string Name, string Path, DateTimeOffset CreatedAt);

public sealed record WorksheetView(
    string Id,
    string Name,
    string WorkspaceId,
    string? FolderId,
    string Path,
    string? Compute,
    string? Catalog,
    string? Database,
    JsonElement? Variables,
    string OwnerId,
    long Version,
    long ContentSize,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? DeletedAt);

/// <summary>A worksheet with its SQL text (GET of one worksheet).</summary>
public sealed record WorksheetDocument(WorksheetView Worksheet, string Content);

public sealed record CreateWorkspaceRequest(
    [property: Required] string? Name = null,
    [property: Required] string? BundleId = null,
    [property: StringLength(1000)] string? Description = null);

public sealed record CreateFolderRequest([property: Required] string? Name = null, string? ParentId = null);

public sealed record CreateWorksheetRequest(
    [property: Required] string? WorkspaceId = null,
    [property: Required] string? Name = null,
    string? FolderId = null,
    string? Content = null,
    [property: StringLength(255)] string? Compute = null,
    [property: StringLength(255)] string? Catalog = null,
    [property: StringLength(255)] string? Database = null,
    JsonElement? Variables = null);

/// <summary>A save: the whole editable state; <c>version</c> (or an <c>If-Match</c> header) is the version the editor last saw.</summary>
public sealed record SaveWorksheetRequest(
    [property: Required] string? Content = null,
    [property: StringLength(255)] string? Compute = null,
    [property: StringLength(255)] string? Catalog = null,
    [property: StringLength(255)] string? Database = null,
    JsonElement? Variables = null,
    long? Version = null);

public sealed record RenameWorksheetRequest([property: Required] string? Name = null);

public sealed record DuplicateWorksheetRequest(string? Name = null);

public sealed record MoveWorksheetRequest([property: Required] string? WorkspaceId = null, string? FolderId = null);
