using System.Data.Common;
using System.Data.SqlTypes;
using System.Globalization;
using System.Text.Json;
using Apache.Arrow;
using Apache.Arrow.Types;
using Iomete.Functions.Sql.Queries;

namespace Iomete.Functions.Sql.Results;

/// <summary>
/// How one DuckDB result column becomes an Arrow column. Integers, floating point, decimals (up to 38 digits),
/// booleans, text, dates, times, timestamps (with and without time zone) and blobs keep their type; UUIDs,
/// HUGEINTs, intervals and enums become strings; lists, structs and maps become JSON strings.
/// </summary>
internal sealed record ColumnMapping(Field Field, ResultColumn Column, Func<ColumnBuffer> NewBuffer)
{
    /// <summary>Arrow field metadata key holding the engine's SQL type of the column.</summary>
    public const string SqlTypeKey = "iomete.sql_type";

    public static IReadOnlyList<ColumnMapping> For(DbDataReader reader)
    {
        var schema = reader.GetSchemaTable();
        var mappings = new List<ColumnMapping>(reader.FieldCount);
        for (var i = 0; i < reader.FieldCount; i++)
        {
            var row = schema is not null && schema.Rows.Count > i ? schema.Rows[i] : null;
            mappings.Add(Map(reader.GetName(i), reader.GetDataTypeName(i), reader.GetFieldType(i), Number(row, "NumericPrecision"), Number(row, "NumericScale")));
        }
        return mappings;
    }

    private static int? Number(System.Data.DataRow? row, string column) =>
        row is not null && row.Table.Columns.Contains(column) && row[column] is not DBNull and not null
            ? Convert.ToInt32(row[column], CultureInfo.InvariantCulture)
            : null;

    private static ColumnMapping Map(string name, string duckType, Type clrType, int? precision, int? scale)
    {
        return duckType switch
        {
            "TinyInt" => Of(name, "TINYINT", Int8Type.Default, () => Buffer(() => new Int8Array.Builder(), (b, r, i) => b.Append(r.GetFieldValue<sbyte>(i)), b => b.AppendNull(), b => b.Build())),
            "SmallInt" => Of(name, "SMALLINT", Int16Type.Default, () => Buffer(() => new Int16Array.Builder(), (b, r, i) => b.Append(r.GetInt16(i)), b => b.AppendNull(), b => b.Build())),
            "Integer" => Of(name, "INTEGER", Int32Type.Default, () => Buffer(() => new Int32Array.Builder(), (b, r, i) => b.Append(r.GetInt32(i)), b => b.AppendNull(), b => b.Build())),
            "BigInt" => Of(name, "BIGINT", Int64Type.Default, () => Buffer(() => new Int64Array.Builder(), (b, r, i) => b.Append(r.GetInt64(i)), b => b.AppendNull(), b => b.Build())),
            "UnsignedTinyInt" => Of(name, "UTINYINT", UInt8Type.Default, () => Buffer(() => new UInt8Array.Builder(), (b, r, i) => b.Append(r.GetByte(i)), b => b.AppendNull(), b => b.Build())),
            "UnsignedSmallInt" => Of(name, "USMALLINT", UInt16Type.Default, () => Buffer(() => new UInt16Array.Builder(), (b, r, i) => b.Append(r.GetFieldValue<ushort>(i)), b => b.AppendNull(), b => b.Build())),
            "UnsignedInteger" => Of(name, "UINTEGER", UInt32Type.Default, () => Buffer(() => new UInt32Array.Builder(), (b, r, i) => b.Append(r.GetFieldValue<uint>(i)), b => b.AppendNull(), b => b.Build())),
            "UnsignedBigInt" => Of(name, "UBIGINT", UInt64Type.Default, () => Buffer(() => new UInt64Array.Builder(), (b, r, i) => b.Append(r.GetFieldValue<ulong>(i)), b => b.AppendNull(), b => b.Build())),
            "Float" => Of(name, "FLOAT", FloatType.Default, () => Buffer(() => new FloatArray.Builder(), (b, r, i) => b.Append(r.GetFloat(i)), b => b.AppendNull(), b => b.Build())),
            "Double" => Of(name, "DOUBLE", DoubleType.Default, () => Buffer(() => new DoubleArray.Builder(), (b, r, i) => b.Append(r.GetDouble(i)), b => b.AppendNull(), b => b.Build())),
            "Boolean" => Of(name, "BOOLEAN", BooleanType.Default, () => Buffer(() => new BooleanArray.Builder(), (b, r, i) => b.Append(r.GetBoolean(i)), b => b.AppendNull(), b => b.Build())),
            "Varchar" => Text(name, "VARCHAR", (r, i) => r.GetString(i)),
            "Decimal" => Decimal(name, precision ?? 38, scale ?? 0),
            "Date" => Of(name, "DATE", Date32Type.Default, () => Buffer(() => new Date32Array.Builder(), (b, r, i) => b.Append(r.GetFieldValue<DateOnly>(i)), b => b.AppendNull(), b => b.Build())),
            "Time" => Of(name, "TIME", new Time64Type(TimeUnit.Microsecond), () => Buffer(() => new Time64Array.Builder(TimeUnit.Microsecond),
                (b, r, i) => b.Append(r.GetFieldValue<TimeOnly>(i)), b => b.AppendNull(), b => b.Build())),
            "Timestamp" or "TimestampMs" or "TimestampNs" or "TimestampS" => Timestamp(name, "TIMESTAMP", null),
            "TimestampTz" => Timestamp(name, "TIMESTAMP WITH TIME ZONE", "UTC"),
            "Blob" => Of(name, "BLOB", BinaryType.Default, () => Buffer(() => new BinaryArray.Builder(), (b, r, i) => b.Append(ReadBytes(r, i).AsSpan()), b => b.AppendNull(), b => b.Build())),
            "Uuid" => Text(name, "UUID", (r, i) => r.GetGuid(i).ToString()),
            "List" or "Struct" or "Map" or "Array" or "Union" => Text(name, duckType.ToUpperInvariant(), (r, i) => JsonSerializer.Serialize(r.GetValue(i))),
            _ => Text(name, SqlName(duckType, clrType), (r, i) => Convert.ToString(r.GetValue(i), CultureInfo.InvariantCulture) ?? ""),
        };
    }

    private static ColumnMapping Decimal(string name, int precision, int scale)
    {
        var type = new Decimal128Type(precision, scale);
        return Of(name, $"DECIMAL({precision},{scale})", type, () => Buffer(() => new Decimal128Array.Builder(type),
            (b, r, i) =>
            {
                Span<byte> cell = stackalloc byte[16];
                DecimalBytes.Write(r.GetDecimal(i), scale, cell);
                b.Append(cell);
            }, b => b.AppendNull(), b => b.Build()));
    }

    private static ColumnMapping Timestamp(string name, string sqlType, string? zone)
    {
        var type = new TimestampType(TimeUnit.Microsecond, zone);
        return Of(name, sqlType, type, () => Buffer(() => new TimestampArray.Builder(type),
            (b, r, i) => b.Append(new DateTimeOffset(DateTime.SpecifyKind(r.GetDateTime(i), DateTimeKind.Utc))), b => b.AppendNull(), b => b.Build()));
    }

    private static ColumnMapping Text(string name, string sqlType, Func<DbDataReader, int, string> read) =>
        Of(name, sqlType, StringType.Default, () => Buffer(() => new StringArray.Builder(), (b, r, i) => b.Append(read(r, i)), b => b.AppendNull(), b => b.Build()));

    private static ColumnMapping Of(string name, string sqlType, IArrowType type, Func<ColumnBuffer> buffer) =>
        new(new Field(name, type, nullable: true, [new KeyValuePair<string, string>(SqlTypeKey, sqlType)]), new ResultColumn(name, sqlType), buffer);

    private static ColumnBuffer<TBuilder> Buffer<TBuilder>(
        Func<TBuilder> create, Action<TBuilder, DbDataReader, int> append, Func<TBuilder, TBuilder> appendNull, Func<TBuilder, IArrowArray> build) =>
        new(create, append, b => appendNull(b), build);

    private static byte[] ReadBytes(DbDataReader reader, int ordinal)
    {
        using var stream = reader.GetStream(ordinal);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static string SqlName(string duckType, Type clrType) =>
        duckType switch
        {
            "HugeInt" => "HUGEINT",
            "UnsignedHugeInt" => "UHUGEINT",
            "Interval" => "INTERVAL",
            "Enum" => "ENUM",
            _ => duckType.Length > 0 ? duckType.ToUpperInvariant() : clrType.Name.ToUpperInvariant(),
        };
}
