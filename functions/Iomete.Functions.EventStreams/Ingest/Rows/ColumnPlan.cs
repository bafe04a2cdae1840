using System.Text;
using System.Text.Json;
using Iomete.Iceberg.Types;

namespace Iomete.Functions.EventStreams.Ingest.Rows;

/// <summary>One field as the normalizer writes it: its JSON name (pre-encoded) and type; structs carry their fields.</summary>
internal sealed class ColumnPlan
{
    public ColumnPlan(NestedField field, string path)
    {
        Field = field;
        Path = path;
        Utf8Name = Encoding.UTF8.GetBytes(field.Name);
        EncodedName = JsonEncodedText.Encode(field.Name);
        Fields = field.Type is StructType s ? new FieldLookup(s.Fields.Select(f => new ColumnPlan(f, path + "." + f.Name))) : null;
        Element = field.Type switch
        {
            ListType l => new ColumnPlan(new NestedField(l.ElementId, "element", l.ElementRequired, l.Element), path + "[]"),
            MapType m => new ColumnPlan(new NestedField(m.ValueId, "value", m.ValueRequired, m.Value), path + "{}"),
            _ => null,
        };
    }

    public NestedField Field { get; }

    public IcebergType Type => Field.Type;

    /// <summary>Dotted path for error messages (<c>payload.items[]</c>).</summary>
    public string Path { get; }

    public byte[] Utf8Name { get; }

    public JsonEncodedText EncodedName { get; }

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

    /// <summary>The field named by the reader's current property name token.</summary>
    public ColumnPlan? Find(ref Utf8JsonReader reader)
    {
        var length = reader.HasValueSequence ? (int)reader.ValueSequence.Length : reader.ValueSpan.Length;
        if (length <= 256)
        {
            Span<char> chars = stackalloc char[length];
            var written = reader.CopyString(chars);
            return byChars.TryGetValue(chars[..written], out var found) ? found : null;
        }
        return byName.GetValueOrDefault(reader.GetString()!);
    }

    public int IndexOf(ColumnPlan column)
    {
        for (var i = 0; i < All.Count; i++)
        {
            if (ReferenceEquals(All[i], column))
            {
                return i;
            }
        }
        return -1;
    }
}
