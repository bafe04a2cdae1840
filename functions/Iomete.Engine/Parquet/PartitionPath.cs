using System.Globalization;
using Iomete.Iceberg.Partitioning;
using Iomete.Iceberg.Schemas;
using Iomete.Iceberg.Types;

namespace Iomete.Engine.Parquet;

/// <summary>
/// The folder of a partition under the data folder, as Java's <c>PartitionSpec.partitionToPath</c>:
/// <c>name=value/…</c> with human-readable values (dates <c>yyyy-MM-dd</c>, months <c>yyyy-MM</c>,
/// hours <c>yyyy-MM-dd-HH</c>, null as <c>null</c>) escaped as Java's <c>URLEncoder</c> does (space as <c>+</c>).
/// Locations are opaque strings to Iceberg readers; one that URL-decodes them (icebird over fetch) cannot open a
/// file whose path needed a <c>%XX</c> escape, as with Java-written tables.
/// </summary>
internal static class PartitionPath
{
    public static string Of(PartitionSpec spec, Schema schema, IReadOnlyList<object?> values)
    {
        var parts = new List<string>(spec.Fields.Count);
        for (var i = 0; i < spec.Fields.Count; i++)
        {
            var field = spec.Fields[i];
            var source = schema.FindField(field.SourceId)?.Type ?? IcebergTypes.Unknown;
            parts.Add(Encode(field.Name) + "=" + Encode(Human(field.Transform, source, values[i])));
        }
        return string.Join('/', parts);
    }

    /// <summary><c>java.net.URLEncoder.encode(text, UTF_8)</c>.</summary>
    internal static string Encode(string text)
    {
        var sb = new System.Text.StringBuilder(text.Length);
        foreach (var b in System.Text.Encoding.UTF8.GetBytes(text))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '*' or '_')
            {
                sb.Append(c);
            }
            else if (c == ' ')
            {
                sb.Append('+');
            }
            else
            {
                sb.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }
        return sb.ToString();
    }

    private static string Human(Transform transform, IcebergType source, object? value)
    {
        var epoch = new DateTime(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var inv = CultureInfo.InvariantCulture;
        return (transform, value) switch
        {
            (_, null) => "null",
            (YearTransform, int y) => (1970 + y).ToString("D4", inv),
            (MonthTransform, int m) => epoch.AddMonths(m).ToString("yyyy-MM", inv),
            (DayTransform, int d) => epoch.AddDays(d).ToString("yyyy-MM-dd", inv),
            (HourTransform, int h) => epoch.AddHours(h).ToString("yyyy-MM-dd-HH", inv),
            (IdentityTransform or TruncateTransform, _) => Identity(source, value),
            _ => Convert.ToString(value, inv) ?? "null",
        };
    }

    private static string Identity(IcebergType type, object value)
    {
        var inv = CultureInfo.InvariantCulture;
        var epoch = new DateTime(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        return (type.Id, value) switch
        {
            (TypeId.Date, int d) => epoch.AddDays(d).ToString("yyyy-MM-dd", inv),
            (TypeId.Time, long t) => new TimeOnly(t * 10).ToString("HH:mm:ss.ffffff", inv),
            (TypeId.Timestamp, long us) => epoch.AddTicks(us * 10).ToString("yyyy-MM-ddTHH:mm:ss.ffffff", inv),
            (TypeId.TimestampTz, long us) => epoch.AddTicks(us * 10).ToString("yyyy-MM-ddTHH:mm:ss.ffffff", inv) + "+00:00",
            (_, bool b) => b ? "true" : "false",
            (_, byte[] bytes) => Convert.ToBase64String(bytes),
            (_, Guid g) => g.ToString(),
            _ => Convert.ToString(value, inv) ?? "null",
        };
    }
}
