using Apache.Arrow;
using Apache.Arrow.Types;
using Iomete.Functions.Sql.Queries;
using Iomete.Functions.Sql.Results;

namespace Iomete.Functions.Sql.SparkConnect;

/// <summary>
/// How one column of a Spark Arrow result becomes a column of a stored result. Types the result readers handle (integers,
/// floating point, decimals, booleans, strings, binary, dates, times, timestamps) are kept as they came; the rest (nested
/// types, intervals, NULL-typed columns, large and view strings) become strings, nested values as JSON. The column's SQL
/// type is Spark's name for it.
/// </summary>
internal sealed record SparkColumn(Field Field, ResultColumn Column, Func<IArrowArray, IArrowArray> Convert)
{
    public static SparkColumn For(Field source)
    {
        var sqlType = SqlType(source.DataType);
        return source.DataType switch
        {
            Int8Type or Int16Type or Int32Type or Int64Type or FloatType or DoubleType or Decimal128Type or BooleanType
                or StringType or BinaryType or Date32Type or Time64Type or TimestampType => Of(source.Name, source.DataType, sqlType, a => a),
            _ => Of(source.Name, StringType.Default, sqlType, ToText),
        };
    }

    private static SparkColumn Of(string name, IArrowType type, string sqlType, Func<IArrowArray, IArrowArray> convert) =>
        new(new Field(name, type, nullable: true, [new KeyValuePair<string, string>(ColumnMapping.SqlTypeKey, sqlType)]),
            new ResultColumn(name, sqlType), convert);

    /// <summary>Spark SQL's name of the type Spark sent as <paramref name="type"/>.</summary>
    public static string SqlType(IArrowType type) => type switch
    {
        Int8Type => "TINYINT",
        Int16Type => "SMALLINT",
        Int32Type => "INT",
        Int64Type => "BIGINT",
        FloatType => "FLOAT",
        DoubleType => "DOUBLE",
        Decimal128Type d => $"DECIMAL({d.Precision},{d.Scale})",
        BooleanType => "BOOLEAN",
        StringType or LargeStringType or StringViewType => "STRING",
        BinaryType or LargeBinaryType or BinaryViewType => "BINARY",
        Date32Type or Date64Type => "DATE",
        Time64Type or Time32Type => "TIME",
        TimestampType t => t.Timezone is null ? "TIMESTAMP_NTZ" : "TIMESTAMP",
        NullType => "VOID",
        MapType => "MAP",
        ListType or LargeListType or FixedSizeListType => "ARRAY",
        StructType => "STRUCT",
        DurationType or IntervalType => "INTERVAL",
        _ => type.Name.ToUpperInvariant(),
    };

    private static IArrowArray ToText(IArrowArray array)
    {
        var builder = new StringArray.Builder();
        for (var i = 0; i < array.Length; i++)
        {
            if (array.IsNull(i))
            {
                builder.AppendNull();
            }
            else
            {
                builder.Append(SparkValues.Text(array, i));
            }
        }
        return builder.Build();
    }
}
