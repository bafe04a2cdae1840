using DuckDB.NET.Data;
using Iomete.Iceberg.Partitioning;
using Iomete.Iceberg.Types;

namespace Iomete.Engine.DuckDb;

/// <summary>
/// Iceberg's bucket transform as DuckDB scalar functions (<c>iomete_bucket_{int,long,string,date,timestamp}(value, n)</c>):
/// Murmur3 over the spec's byte encodings, which DuckDB's own <c>hash</c> is not. Used to split written rows by partition.
/// </summary>
internal static class BucketFunctions
{
    public static void Register(DuckDBConnection connection)
    {
        connection.RegisterScalarFunction<int, int, int>("iomete_bucket_int", (value, n) => Bucket(IcebergTypes.Int, value, n));
        connection.RegisterScalarFunction<long, int, int>("iomete_bucket_long", (value, n) => Bucket(IcebergTypes.Long, value, n));
        connection.RegisterScalarFunction<string, int, int>("iomete_bucket_string", (value, n) => Bucket(IcebergTypes.String, value, n));
        connection.RegisterScalarFunction<DateOnly, int, int>("iomete_bucket_date", (value, n) => Bucket(IcebergTypes.Date, IcebergValues.Date(value), n));
        connection.RegisterScalarFunction<DateTime, int, int>("iomete_bucket_timestamp", (value, n) => Bucket(IcebergTypes.Timestamp, IcebergValues.Timestamp(value), n));
    }

    /// <summary>The function for a source type, or null when the engine cannot bucket it in SQL.</summary>
    public static string? FunctionFor(IcebergType source) => source.Id switch
    {
        TypeId.Int => "iomete_bucket_int",
        TypeId.Long => "iomete_bucket_long",
        TypeId.String => "iomete_bucket_string",
        TypeId.Date => "iomete_bucket_date",
        TypeId.Timestamp or TypeId.TimestampTz => "iomete_bucket_timestamp",
        _ => null,
    };

    private static int Bucket(IcebergType type, object value, int buckets) => (BucketTransform.Hash(type, value) & int.MaxValue) % buckets;
}
