using Iomete.Iceberg.Partitioning;
using Iomete.Iceberg.Types;

namespace Iomete.Iceberg.Schemas;

public sealed partial class UpdateSchema
{
    private UpdateSchema Add(string? parent, string name, IcebergType type, string? doc, bool required, DefaultValue? defaultValue)
    {
        ArgumentNullException.ThrowIfNull(type);
        ColumnNode container;
        if (parent is null)
        {
            container = root;
        }
        else
        {
            var parentNode = Find(parent, allowCollectionMember: true);
            container = parentNode.FieldContainer()
                ?? throw new SchemaValidationException($"Cannot add column '{name}' to '{parent}': it is not a struct");
        }
        CheckNewName(container, name, except: null);
        var id = ++LastColumnId;
        var field = new NestedField(id, name, required, AssignIds(type), doc, defaultValue, defaultValue);
        var node = ColumnNode.FromField(field, container);
        container.Children.Add(node);
        foreach (var n in node.SelfAndDescendants())
        {
            nodes[n.Id] = n;
        }
        return this;
    }

    private IcebergType AssignIds(IcebergType type)
    {
        switch (type)
        {
            case StructType s:
                var ids = s.Fields.Select(_ => ++LastColumnId).ToList();
                return new StructType(s.Fields.Select((f, i) => f with { Id = ids[i], Type = AssignIds(f.Type) }).ToList());
            case ListType l:
                var elementId = ++LastColumnId;
                return new ListType(elementId, AssignIds(l.Element), l.ElementRequired);
            case MapType m:
                var keyId = ++LastColumnId;
                var valueId = ++LastColumnId;
                return new MapType(keyId, AssignIds(m.Key), valueId, AssignIds(m.Value), m.ValueRequired);
            default:
                return type;
        }
    }

    private UpdateSchema Move(string name, string? reference, bool after)
    {
        var node = Find(name, allowCollectionMember: false);
        var siblings = node.Parent!.Children;
        if (reference is null)
        {
            siblings.Remove(node);
            siblings.Insert(0, node);
            return this;
        }
        var other = Find(reference, allowCollectionMember: false);
        if (other == node)
        {
            throw new SchemaValidationException($"Cannot move '{name}' relative to itself");
        }
        if (other.Parent != node.Parent)
        {
            throw new SchemaValidationException($"Cannot move '{name}' next to '{reference}': they have different parents");
        }
        siblings.Remove(node);
        siblings.Insert(siblings.IndexOf(other) + (after ? 1 : 0), node);
        return this;
    }

    private ColumnNode Find(string name, bool allowCollectionMember)
    {
        ArgumentNullException.ThrowIfNull(name);
        var baseField = baseSchema.FindField(name, caseSensitive);
        var node = (baseField is null ? null : nodes.GetValueOrDefault(baseField.Id)) ?? FindInWorkingCopy(name);
        if (node is null)
        {
            throw new SchemaValidationException(baseField is not null && deleted.Contains(baseField.Id)
                ? $"Column '{name}' has been deleted in this update"
                : $"Column '{name}' not found");
        }
        if (!allowCollectionMember && node.IsCollectionMember)
        {
            throw new SchemaValidationException($"Cannot change '{name}': list elements and map keys/values can only be widened, documented or made optional");
        }
        return node;
    }

    private ColumnNode? FindInWorkingCopy(string name)
    {
        var comparison = caseSensitive ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
        return nodes.Values.FirstOrDefault(n => string.Equals(n.FullName, name, comparison));
    }

    private void CheckNewName(ColumnNode container, string name, ColumnNode? except)
    {
        if (string.IsNullOrEmpty(name) || name.Contains('.', StringComparison.Ordinal))
        {
            throw new SchemaValidationException($"Invalid column name '{name}': it must be non-empty and contain no '.'");
        }
        var comparison = caseSensitive ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
        if (container.Children.Any(c => c != except && string.Equals(c.Name, name, comparison)))
        {
            var where = container == root ? "the table" : $"'{container.FullName}'";
            throw new SchemaValidationException($"Cannot use name '{name}': {where} already has a column with that name");
        }
    }

    private static void CheckDefault(string name, IcebergType type, DefaultValue value)
    {
        try
        {
            Json.SingleValueJson.CheckKind(value.ToNode(), type, name);
        }
        catch (Json.IcebergFormatException ex)
        {
            throw new SchemaValidationException($"Invalid default for column {ex.Message}", ex);
        }
    }

    private bool IsReshapingPartitionSource(int id) =>
        specs.SelectMany(s => s.Fields).Any(f => f.SourceId == id && f.Transform is not (YearTransform or MonthTransform or DayTransform or VoidTransform));
}
