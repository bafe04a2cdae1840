namespace Iomete.Engine.Catalogs;

/// <summary>A catalog call failed; the subclasses say how. <see cref="Exception.Message"/> is the catalog's own message.</summary>
public abstract class CatalogException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>A catalog, database, table or view does not exist (REST 404).</summary>
public sealed class CatalogNotFoundException(string message) : CatalogException(message);

/// <summary>The name is taken (REST 409 AlreadyExistsException).</summary>
public sealed class CatalogAlreadyExistsException(string message) : CatalogException(message);

/// <summary>A commit requirement failed (REST 409 CommitFailedException): reload the table and retry.</summary>
public sealed class CatalogCommitConflictException(string message) : CatalogException(message);

/// <summary>The caller may not do this (REST 401/403).</summary>
public sealed class CatalogForbiddenException(string message) : CatalogException(message);

/// <summary>The catalog refused the request as invalid (REST 400, 406, 422, or 409 for a non-empty namespace).</summary>
public sealed class CatalogRequestException(string message) : CatalogException(message);

/// <summary>The catalog could not be reached or failed (5xx, transport errors).</summary>
public sealed class CatalogUnavailableException(string message, Exception? inner = null) : CatalogException(message, inner);
