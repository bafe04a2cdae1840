using Iomete.Iceberg.Types;

namespace Iomete.Iceberg.Schemas;

/// <summary>A mutable copy of one field of a schema, used while <see cref="UpdateSchema"/> applies changes.</summary>
internal sealed class ColumnNode
{
    private ColumnNode(int id, string name, bool required, ColumnNode? parent)
    {
        Id = id;
        Name = name;
        Required = required;
        Parent = parent;
    }

    public int Id { get; }
    public string Name { get; set; }
    public bool Required { get; set; }
    public string? Doc { get; set; }
    public DefaultValue? InitialDefault { get; set; }
    public DefaultValue? WriteDefault { get; set; }
    public ColumnNode? Parent { get; }

    /// <summary>The type when primitive; null for struct, list and map.</summary>
    public PrimitiveType? Primitive { get; set; }

    public TypeId Kind { get; private set; }

    /// <summary>Struct fields; a list's element; a map's key and value.</summary>
    public List<ColumnNode> Children { get; } = [];

    /// <summary>True for list elements and map keys/values, which cannot be renamed, moved or deleted.</summary>
    public bool IsCollectionMember => Parent?.Kind is TypeId.List or TypeId.Map;

    public static ColumnNode Root(StructType type)
    {
        var root = new ColumnNode(0, "", true, null) { Kind = TypeId.Struct };
        root.Children.AddRange(type.Fields.Select(f => FromField(f, root)));
        return root;
    }

    public static ColumnNode FromField(NestedField field, ColumnNode parent)
    {
        var node = new ColumnNode(field.Id, field.Name, field.Required, parent)
        {
            Doc = field.Doc,
            InitialDefault = field.InitialDefault,
            WriteDefault = field.WriteDefault,
            Kind = field.Type.Id,
            Primitive = field.Type as PrimitiveType,
        };
        switch (field.Type)
        {
            case StructType s:
                node.Children.AddRange(s.Fields.Select(f => FromField(f, node)));
                break;
            case ListType l:
                node.Children.Add(FromField(l.ElementField, node));
                break;
            case MapType m:
                node.Children.Add(FromField(m.KeyField, node));
                node.Children.Add(FromField(m.ValueField, node));
                break;
        }
        return node;
    }

    /// <summary>This node and all nodes below it.</summary>
    public IEnumerable<ColumnNode> SelfAndDescendants() => Children.SelectMany(c => c.SelfAndDescendants()).Prepend(this);

    public NestedField ToField() => new(Id, Name, Required, ToType(), Doc, InitialDefault, WriteDefault);

    public IcebergType ToType() => Kind switch
    {
        TypeId.Struct => new StructType(Children.Select(c => c.ToField())),
        TypeId.List => new ListType(Children[0].Id, Children[0].ToType(), Children[0].Required),
        TypeId.Map => new MapType(Children[0].Id, Children[0].ToType(), Children[1].Id, Children[1].ToType(), Children[1].Required),
        _ => Primitive!,
    };

    /// <summary>The struct node that holds fields added "into" this node (itself, a list's element or a map's value).</summary>
    public ColumnNode? FieldContainer() => Kind switch
    {
        TypeId.Struct => this,
        TypeId.List => Children[0].Kind == TypeId.Struct ? Children[0] : null,
        TypeId.Map => Children[1].Kind == TypeId.Struct ? Children[1] : null,
        _ => null,
    };

    public string FullName => Parent is null || Parent.Parent is null ? Name : Parent.FullName + "." + Name;
}
