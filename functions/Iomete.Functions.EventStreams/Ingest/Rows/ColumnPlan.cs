using System.Text;
using System.Text.Json;
using Iomete.Iceberg.Types;

namespace Iomete.Functions.EventStreams.Ingest.Rows;

/// <summary>One field as the normalizer writes it: its JSON name (pre-encoded) and type; structs carry their fields.</summary>
internal sealed class ColumnPlan
{
    public ColumnPlan(NestedField field, string path, int index, bool topLevel)
    {
        Field = field;
        Path = path;
        Index = index;
        Utf8Name = Encoding.UTF8.GetBytes(field.Name);
        QuotedName = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(field.Name) + ":");
        Micros = topLevel && field.Type is PrimitiveType { Id: TypeId.Timestamp or TypeId.TimestampTz or TypeId.TimestampNs };
        Fields = field.Type is StructType s ? new FieldLookup(s.Fields.Select((f, i) => new ColumnPlan(f, path + "." + f.Name, i, topLevel: false))) : null;
        Element = field.Type switch
        {
            ListType l => new ColumnPlan(new NestedField(l.ElementId, "element", l.ElementRequired, l.Element), path + "[]", 0, topLevel: false),
            MapType m => new ColumnPlan(new NestedField(m.ValueId, "value", m.ValueRequired, m.Value), path + "{}", 0, topLevel: false),
            _ => null,
        };
    }

    public NestedField Field { get; }

    public IcebergType Type => Field.Type;

    /// <summary>Dotted path for error messages (<c>payload.items[]</c>).</summary>
    public string Path { get; }

    /// <summary>Position among its siblings.</summary>
    public int Index { get; }

    public byte[] Utf8Name { get; }

    /// <summary><c>"name":</c> as JSON bytes.</summary>
    public byte[] QuotedName { get; }

    /// <summary>A top-level timestamp column: written as epoch microseconds (read back with <c>make_timestamp</c>).</summary>
    public bool Micros { get; }

    public FieldLookup? Fields { get; }

    /// <summary>The element of a list or the value of a map.</summary>
    public ColumnPlan? Element { get; }
}

/// <summary>Fields of a row or struct by their UTF-8 name (JSON names are matched exactly, as Iceberg names are case-sensitive).</summary>
internal sealed class FieldLookup
{
    private readonly Dictionary<string, ColumnPlan> byName;
    private readonly Dictionary<string, ColumnPlan>.AlternateLookup<ReadOnlySpan<char>> byChars;

    public FieldLookup(IEnumerable<ColumnPlan> columns)
    {
        All = [.. columns];
        byName = All.ToDictionary(c => c.Field.Name, StringComparer.Ordinal);
        byChars = byName.GetAlternateLookup<ReadOnlySpan<char>>();
        Required = [.. All.Where(c => c.Field.Required)];
    }

    public IReadOnlyList<ColumnPlan> All { get; }

    public IReadOnlyList<ColumnPlan> Required { get; }

    /// <summary>
    /// The field named by the reader's current property name. Events of one stream mostly list their fields in the same
    /// order, so the field after <paramref name="previous"/> is tried first.
    /// </summary>
    public ColumnPlan? Find(ref Utf8JsonReader reader, int previous)
    {
        if (!reader.ValueIsEscaped && !reader.HasValueSequence)
        {
            var name = reader.ValueSpan;
            var guess = previous + 1;
            if (guess < All.Count && name.SequenceEqual(All[guess].Utf8Name))
            {
                return All[guess];
            }
            if (All.Count <= 8)
            {
                foreach (var column in All)
                {
                    if (name.SequenceEqual(column.Utf8Name))
                    {
                        return column;
                    }
                }
                return null;
            }
        }
        var length = reader.HasValueSequence ? (int)reader.ValueSequence.Length : reader.ValueSpan.Length;
        if (length <= 256)
        {
            Span<char> chars = stackalloc char[length];
            var written = reader.CopyString(chars);
            return byChars.TryGetValue(chars[..written], out var found) ? found : null;
        }
        return byName.GetValueOrDefault(reader.GetString()!);
    }
}
