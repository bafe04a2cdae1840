using Iomete.Iceberg.Types;

namespace Iomete.Iceberg.Schemas;

/// <summary>Changes to one column's type, nullability, doc and default.</summary>
public sealed partial class UpdateSchema
{
    /// <summary>Widens a primitive column (see <see cref="TypePromotion"/>).</summary>
    public UpdateSchema UpdateColumn(string name, PrimitiveType newType)
    {
        ArgumentNullException.ThrowIfNull(newType);
        var node = Find(name, allowCollectionMember: true);
        if (node.Primitive is not { } current)
        {
            throw new SchemaValidationException($"Cannot change column type of '{name}': it is not a primitive");
        }
        if (!TypePromotion.IsAllowed(current, newType, formatVersion))
        {
            throw new SchemaValidationException($"Cannot change column type of '{name}': {current} -> {newType}");
        }
        if (current.Id == TypeId.Date && newType.Id != TypeId.Date && IsReshapingPartitionSource(node.Id))
        {
            throw new SchemaValidationException($"Cannot change column type of '{name}': {current} -> {newType} would change a partition value");
        }
        node.Primitive = newType;
        return this;
    }

    public UpdateSchema MakeColumnOptional(string name)
    {
        var node = Find(name, allowCollectionMember: true);
        if (node.Parent!.Kind == TypeId.Map && node == node.Parent.Children[0])
        {
            throw new SchemaValidationException($"Cannot make map key '{name}' optional");
        }
        node.Required = false;
        return this;
    }

    public UpdateSchema UpdateColumnDoc(string name, string? doc)
    {
        Find(name, allowCollectionMember: true).Doc = doc;
        return this;
    }

    /// <summary>Changes a column's write-default (format v3); the initial-default never changes.</summary>
    public UpdateSchema UpdateColumnDefault(string name, DefaultValue? writeDefault)
    {
        if (formatVersion < 3)
        {
            throw new SchemaValidationException($"Cannot set a default for '{name}': column defaults need format v3");
        }
        var node = Find(name, allowCollectionMember: false);
        if (writeDefault is not null)
        {
            CheckDefault(name, node.ToType(), writeDefault);
        }
        node.WriteDefault = writeDefault;
        return this;
    }
}
