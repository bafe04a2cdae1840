using Iomete.Iceberg.Partitioning;
using Iomete.Iceberg.Types;

namespace Iomete.Iceberg.Expressions;

/// <summary>What an unbound predicate tests: a column by name or a transform of one (the spec's <c>Term</c>).</summary>
public abstract record Term
{
    private protected Term()
    {
    }

    /// <summary>The column name the term refers to.</summary>
    public abstract string Name { get; }
}

/// <summary>A column by its full dotted name (the spec's <c>Reference</c>).</summary>
public sealed record Reference(string ColumnName) : Term
{
    public override string Name => ColumnName;

    public override string ToString() => ColumnName;
}

/// <summary>A transform applied to a column (the spec's <c>TransformTerm</c>).</summary>
public sealed record TransformTerm(Transform Transform, Reference Ref) : Term
{
    public override string Name => Ref.ColumnName;

    public override string ToString() => $"{Transform}({Ref})";
}

/// <summary>A term bound to a schema field.</summary>
public abstract record BoundTerm
{
    private protected BoundTerm()
    {
    }

    public abstract NestedField Field { get; }

    public int FieldId => Field.Id;

    /// <summary>The type of the term's values (the transform's result type for a transform).</summary>
    public abstract PrimitiveType Type { get; }
}

/// <summary>A field of a schema (or of a partition struct) by id.</summary>
public sealed record BoundReference(NestedField Field) : BoundTerm
{
    public override NestedField Field { get; } = Field;

    public override PrimitiveType Type => (PrimitiveType)Field.Type;

    public override string ToString() => Field.Name;
}

/// <summary>A transform of a bound field.</summary>
public sealed record BoundTransform(Transform Transform, BoundReference Ref) : BoundTerm
{
    public override NestedField Field => Ref.Field;

    public override PrimitiveType Type => (PrimitiveType)Transform.ResultType(Ref.Type);

    public override string ToString() => $"{Transform}({Ref})";
}
