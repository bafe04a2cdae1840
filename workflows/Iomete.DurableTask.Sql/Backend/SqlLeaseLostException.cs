namespace Iomete.DurableTask.Sql.Backend;

/// <summary>
/// The work item's lease expired and another worker took it (or it was completed, abandoned or the instance was
/// replaced): nothing of this attempt was stored.
/// </summary>
public sealed class SqlLeaseLostException : InvalidOperationException
{
    public SqlLeaseLostException()
    {
    }

    public SqlLeaseLostException(string message)
        : base(message)
    {
    }

    public SqlLeaseLostException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
