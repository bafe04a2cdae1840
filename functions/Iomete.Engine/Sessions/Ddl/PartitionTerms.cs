using Iomete.Engine.Sql.Syntax;
using Iomete.Iceberg.Partitioning;
using Iomete.Iceberg.Schemas;

namespace Iomete.Engine.Sessions.Ddl;

/// <summary>PARTITIONED BY terms as an Iceberg partition spec (field names as Spark's Iceberg catalog names them).</summary>
internal static class PartitionTerms
{
    public static PartitionSpec Build(Schema schema, IEnumerable<PartitionTerm> terms, int specId = 0, int lastPartitionId = PartitionSpec.FirstFieldId - 1)
    {
        var builder = new PartitionSpecBuilder(schema, specId, lastPartitionId);
        foreach (var term in terms)
        {
            var column = string.Join('.', term.Column);
            if (schema.FindField(column, caseSensitive: false) is not { } field)
            {
                throw new SqlInvalidException($"Cannot partition by '{column}': the table has no such column");
            }
            column = schema.FindColumnName(field.Id) ?? column;
            try
            {
                builder.Add(column, TransformOf(term), null);
            }
            catch (ArgumentException e)
            {
                throw new SqlInvalidException($"Cannot partition by {term.Transform}({column}): {e.Message}", e);
            }
        }
        return builder.Build();
    }

    public static Transform TransformOf(PartitionTerm term) => term.Transform switch
    {
        "identity" => Transform.Identity,
        "bucket" => Transform.Bucket(term.Parameter ?? throw new SqlInvalidException("bucket needs a number of buckets: bucket(16, column)")),
        "truncate" => Transform.Truncate(term.Parameter ?? throw new SqlInvalidException("truncate needs a width: truncate(4, column)")),
        "year" => Transform.Year,
        "month" => Transform.Month,
        "day" => Transform.Day,
        "hour" => Transform.Hour,
        "void" => Transform.Void,
        _ => throw new SqlInvalidException($"Unknown partition transform '{term.Transform}'"),
    };
}
