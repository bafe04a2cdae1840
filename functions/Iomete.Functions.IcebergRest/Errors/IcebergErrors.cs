using Iomete.Platform.Errors;

namespace Iomete.Functions.IcebergRest.Errors;

/// <summary>
/// Errors with the Java exception type names Iceberg clients switch on. The type travels as the
/// <see cref="ApiException.ErrorCode"/>; <see cref="IcebergErrorBodyWriter"/> writes it as <c>error.type</c>.
/// </summary>
public static class IcebergErrors
{
    public const string BadRequest = "BadRequestException";
    public const string NotAuthorized = "NotAuthorizedException";
    public const string Forbidden = "ForbiddenException";
    public const string NotFound = "NotFoundException";
    public const string NoSuchWarehouse = "NoSuchWarehouseException";
    public const string NoSuchNamespace = "NoSuchNamespaceException";
    public const string NoSuchTable = "NoSuchTableException";
    public const string NoSuchView = "NoSuchViewException";
    public const string NoSuchPlanId = "NoSuchPlanIdException";
    public const string NoSuchPlanTask = "NoSuchPlanTaskException";
    public const string AlreadyExists = "AlreadyExistsException";
    public const string NamespaceNotEmpty = "NamespaceNotEmptyException";
    public const string CommitFailed = "CommitFailedException";
    public const string UnprocessableEntity = "UnprocessableEntityException";
    public const string UnsupportedOperation = "UnsupportedOperationException";
    public const string ServiceUnavailable = "ServiceUnavailableException";
    public const string InternalServerError = "InternalServerError";

    public static ApiException BadRequestError(string message) => new(400, BadRequest, "Bad request", message);

    /// <summary>An unknown catalog; Iceberg's Java client maps a 404 on /v1/config with this type to NoSuchWarehouseException.</summary>
    public static ApiException NoSuchCatalog(string catalog) =>
        new(404, NoSuchWarehouse, "Not found", $"Catalog does not exist: {catalog}");

    public static ApiException NoSuchNamespaceError(string display) =>
        new(404, NoSuchNamespace, "Not found", $"Namespace does not exist: {display}");

    public static ApiException NamespaceExists(string display) =>
        new(409, AlreadyExists, "Conflict", $"Namespace already exists: {display}");

    public static ApiException NamespaceNotEmptyError(string display) =>
        new(409, NamespaceNotEmpty, "Conflict", $"Namespace is not empty: {display}");

    public static ApiException NoSuchTableError(string display) =>
        new(404, NoSuchTable, "Not found", $"Table does not exist: {display}");

    public static ApiException NoSuchViewError(string display) =>
        new(404, NoSuchView, "Not found", $"View does not exist: {display}");

    /// <summary>Tables and views share one name space: the message says which one holds the name.</summary>
    public static ApiException ObjectExists(string display, string existingKind) =>
        new(409, AlreadyExists, "Conflict", existingKind == "view" ? $"View with same name already exists: {display}" : $"Table already exists: {display}");

    public static ApiException CommitFailedError(string message) => new(409, CommitFailed, "Conflict", message);

    public static ApiException Unprocessable(string message) => new(422, UnprocessableEntity, "Unprocessable entity", message);

    /// <summary>The type for a problem that carries no Iceberg type of its own, by status (the Java reference adapter's map).</summary>
    public static string TypeFor(int status) => status switch
    {
        400 or 413 or 415 => BadRequest,
        401 => NotAuthorized,
        403 => Forbidden,
        404 => NotFound,
        405 or 406 or 501 => UnsupportedOperation,
        409 => AlreadyExists,
        422 => UnprocessableEntity,
        429 or 503 => ServiceUnavailable,
        _ => InternalServerError,
    };
}
