using Iomete.Engine.Sessions;

namespace Iomete.Functions.Sql.Queries;

/// <summary>The <c>error.code</c> of a FAILED query.</summary>
public static class SqlErrorCodes
{
    public const string Syntax = "SQL_SYNTAX_ERROR";
    public const string NotAllowed = "SQL_NOT_ALLOWED";
    public const string ObjectNotFound = "SQL_OBJECT_NOT_FOUND";
    public const string Invalid = "SQL_INVALID";
    public const string CommitConflict = "SQL_COMMIT_CONFLICT";
    public const string Execution = "SQL_EXECUTION_ERROR";
    public const string Interrupted = "INTERRUPTED";
    public const string EngineUnavailable = "ENGINE_UNAVAILABLE";
    public const string Internal = "INTERNAL_ERROR";

    /// <summary>The query's Spark cluster could not be reached or stopped answering.</summary>
    public const string ComputeUnavailable = "COMPUTE_UNAVAILABLE";

    /// <summary>The <c>errorCode</c> of the 409 a submit gets when its Spark cluster is not ACTIVE.</summary>
    public const string ComputeNotActive = "COMPUTE_NOT_ACTIVE";

    internal static QueryError From(SqlException exception) => exception switch
    {
        SqlSyntaxException syntax => new QueryError(syntax.Message, Syntax, syntax.Position),
        SqlNotAllowedException => new QueryError(exception.Message, NotAllowed, null),
        SqlObjectNotFoundException => new QueryError(exception.Message, ObjectNotFound, null),
        SqlInvalidException => new QueryError(exception.Message, Invalid, null),
        SqlCommitConflictException => new QueryError(exception.Message, CommitConflict, null),
        _ => new QueryError(exception.Message, Execution, null),
    };
}
