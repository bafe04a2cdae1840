using Iomete.Iceberg.Partitioning;
using Iomete.Iceberg.Types;

namespace Iomete.Iceberg.Schemas;

/// <summary>
/// Evolves a schema by the spec's rules. Changes apply in call order to a working copy; each illegal
/// change throws <see cref="SchemaValidationException"/> at once. Names are resolved against the base
/// schema first (so renames do not change how later calls find a column), then against the working copy.
/// New field ids continue from <c>last-column-id</c>; <see cref="LastColumnId"/> holds the new value.
/// </summary>
public sealed partial class UpdateSchema
{
    private readonly Schema baseSchema;
    private readonly int formatVersion;
    private readonly IReadOnlyList<PartitionSpec> specs;
    private readonly ColumnNode root;
    private readonly Dictionary<int, ColumnNode> nodes;
    private readonly HashSet<int> deleted = [];
    private List<int> identifierIds;
    private bool caseSensitive = true;

    public UpdateSchema(Schema baseSchema, int lastColumnId, int formatVersion = 2, IEnumerable<PartitionSpec>? partitionSpecs = null)
    {
        ArgumentNullException.ThrowIfNull(baseSchema);
        this.baseSchema = baseSchema;
        this.formatVersion = formatVersion;
        specs = [.. partitionSpecs ?? []];
        LastColumnId = Math.Max(lastColumnId, baseSchema.HighestFieldId);
        root = ColumnNode.Root(baseSchema.Struct);
        nodes = root.SelfAndDescendants().Where(n => n != root).ToDictionary(n => n.Id);
        identifierIds = [.. baseSchema.IdentifierFieldIds];
    }

    /// <summary>The highest field id assigned so far.</summary>
    public int LastColumnId { get; private set; }

    public UpdateSchema CaseSensitive(bool value)
    {
        caseSensitive = value;
        return this;
    }

    /// <summary>Adds an optional column at the end of <paramref name="parent"/> (null for top level; a list or map means its struct element/value).</summary>
    public UpdateSchema AddColumn(string? parent, string name, IcebergType type, string? doc = null) =>
        Add(parent, name, type, doc, required: false, defaultValue: null);

    /// <summary>Adds a required column; needs format v3 and a non-null default, used as both initial-default and write-default.</summary>
    public UpdateSchema AddRequiredColumn(string? parent, string name, IcebergType type, DefaultValue defaultValue, string? doc = null)
    {
        ArgumentNullException.ThrowIfNull(defaultValue);
        if (formatVersion < 3)
        {
            throw new SchemaValidationException($"Cannot add required column '{name}': column defaults need format v3");
        }
        if (defaultValue.IsNull)
        {
            throw new SchemaValidationException($"Cannot add required column '{name}' with a null default");
        }
        CheckDefault(name, type, defaultValue);
        return Add(parent, name, type, doc, required: true, defaultValue);
    }

    public UpdateSchema DeleteColumn(string name)
    {
        var node = Find(name, allowCollectionMember: false);
        node.Parent!.Children.Remove(node);
        foreach (var n in node.SelfAndDescendants())
        {
            deleted.Add(n.Id);
            nodes.Remove(n.Id);
        }
        return this;
    }

    public UpdateSchema RenameColumn(string name, string newName)
    {
        var node = Find(name, allowCollectionMember: false);
        CheckNewName(node.Parent!, newName, except: node);
        node.Name = newName;
        return this;
    }

    public UpdateSchema MoveFirst(string name) => Move(name, null, after: false);

    public UpdateSchema MoveBefore(string name, string beforeName) => Move(name, beforeName, after: false);

    public UpdateSchema MoveAfter(string name, string afterName) => Move(name, afterName, after: true);

    /// <summary>Replaces the identifier fields; they are validated when the schema is applied.</summary>
    public UpdateSchema SetIdentifierFields(params string[] names)
    {
        ArgumentNullException.ThrowIfNull(names);
        identifierIds = [.. names.Select(n => Find(n, allowCollectionMember: true).Id).Distinct()];
        return this;
    }

    /// <summary>The evolved schema with <paramref name="schemaId"/> (default: the base id + 1).</summary>
    public Schema Apply(int? schemaId = null)
    {
        foreach (var id in identifierIds.Where(deleted.Contains))
        {
            throw new SchemaValidationException($"Cannot delete identifier field '{baseSchema.FindColumnName(id)}'; change the identifier fields first");
        }
        return new Schema(schemaId ?? baseSchema.SchemaId + 1, root.Children.Select(c => c.ToField()), identifierIds);
    }
}
