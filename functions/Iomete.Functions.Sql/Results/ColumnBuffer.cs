using System.Data.Common;
using Apache.Arrow;

namespace Iomete.Functions.Sql.Results;

/// <summary>Collects one column of a record batch from a data reader.</summary>
internal abstract class ColumnBuffer
{
    public abstract void Append(DbDataReader reader, int ordinal);

    /// <summary>Builds the array of the rows appended so far and starts a new one.</summary>
    public abstract IArrowArray Flush();
}

/// <summary>A buffer over one Arrow builder type; the delegates say how to read and append a value.</summary>
internal sealed class ColumnBuffer<TBuilder>(
    Func<TBuilder> create,
    Action<TBuilder, DbDataReader, int> append,
    Action<TBuilder> appendNull,
    Func<TBuilder, IArrowArray> build) : ColumnBuffer
{
    private TBuilder _builder = create();

    public override void Append(DbDataReader reader, int ordinal)
    {
        if (reader.IsDBNull(ordinal))
        {
            appendNull(_builder);
        }
        else
        {
            append(_builder, reader, ordinal);
        }
    }

    public override IArrowArray Flush()
    {
        var array = build(_builder);
        _builder = create();
        return array;
    }
}
