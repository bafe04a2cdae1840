namespace Iomete.Iceberg.Commits;

/// <summary>A requirement of a commit does not hold for the current metadata (REST: 409 CommitFailedException).</summary>
public sealed class CommitConflictException : Exception
{
    public CommitConflictException()
    {
    }

    public CommitConflictException(string message)
        : base(message)
    {
    }

    public CommitConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>An update cannot be applied or leaves invalid metadata (REST: 400 BadRequestException).</summary>
public sealed class InvalidCommitException : Exception
{
    public InvalidCommitException()
    {
    }

    public InvalidCommitException(string message)
        : base(message)
    {
    }

    public InvalidCommitException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
