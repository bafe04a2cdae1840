namespace Iomete.Engine.Sessions;

/// <summary>A statement failed; the message is meant for the user who wrote it.</summary>
public abstract class SqlException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>The text does not parse (DuckDB's parser message; <see cref="Position"/> is the 0-based character offset when known).</summary>
public sealed class SqlSyntaxException(string message, int? position, Exception? inner = null) : SqlException(message, inner)
{
    public int? Position { get; } = position;
}

/// <summary>The statement is not allowed in a session: file or URL access, extensions, settings, or a denied table.</summary>
public sealed class SqlNotAllowedException(string message) : SqlException(message);

/// <summary>A catalog, database, table, view or column the statement names does not exist.</summary>
public sealed class SqlObjectNotFoundException(string message, Exception? inner = null) : SqlException(message, inner);

/// <summary>The statement parses but cannot run as written (types, unsupported forms, a non-empty database to drop…).</summary>
public sealed class SqlInvalidException(string message, Exception? inner = null) : SqlException(message, inner);

/// <summary>Concurrent writers kept winning: the commit was retried and still lost.</summary>
public sealed class SqlCommitConflictException(string message, Exception? inner = null) : SqlException(message, inner);

/// <summary>DuckDB failed while running the statement (its message).</summary>
public sealed class SqlExecutionException(string message, Exception? inner = null) : SqlException(message, inner);
