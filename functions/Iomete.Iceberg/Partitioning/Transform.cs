using System.Globalization;
using System.Text.RegularExpressions;
using Iomete.Iceberg.Json;
using Iomete.Iceberg.Types;

namespace Iomete.Iceberg.Partitioning;

/// <summary>
/// A partition or sort transform. Values are in the representation documented on <see cref="IcebergValues"/>;
/// every transform maps null to null. <see cref="ToString"/> is the spec's string form (<c>bucket[16]</c>).
/// </summary>
public abstract partial record Transform
{
    private protected Transform()
    {
    }

    public static IdentityTransform Identity { get; } = new();
    public static YearTransform Year { get; } = new();
    public static MonthTransform Month { get; } = new();
    public static DayTransform Day { get; } = new();
    public static HourTransform Hour { get; } = new();
    public static VoidTransform Void { get; } = new();

    public static BucketTransform Bucket(int numBuckets) => new(numBuckets);

    public static TruncateTransform Truncate(int width) => new(width);

    /// <summary>Whether this transform accepts values of <paramref name="source"/>.</summary>
    public abstract bool CanTransform(IcebergType source);

    /// <summary>The type of the transform's result for a source of <paramref name="source"/>.</summary>
    public abstract IcebergType ResultType(IcebergType source);

    /// <summary>Whether the transform keeps the source order (a ≤ b ⇒ f(a) ≤ f(b)); bucket and void do not.</summary>
    public bool PreservesOrder => this is not (BucketTransform or VoidTransform);

    /// <summary>Transforms one value of type <paramref name="source"/>.</summary>
    public object? Apply(IcebergType source, object? value)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (!CanTransform(source))
        {
            throw new ArgumentException($"Transform {this} cannot transform {source}", nameof(source));
        }
        return value is null ? null : ApplyNonNull(source, value);
    }

    private protected abstract object? ApplyNonNull(IcebergType source, object value);

    public abstract override string ToString();

    /// <summary>Parses the spec's string form; an unknown transform is an <see cref="IcebergFormatException"/>.</summary>
    public static Transform Parse(string text, string path = "$")
    {
        ArgumentNullException.ThrowIfNull(text);
        // Like the Java reader, transform names are matched ignoring case.
        var lower = text.Trim().ToLowerInvariant();
        switch (lower)
        {
            case "identity": return Identity;
            case "year": return Year;
            case "month": return Month;
            case "day": return Day;
            case "hour": return Hour;
            case "void": return Void;
        }
        if (ParamPattern().Match(lower) is { Success: true } m
            && int.TryParse(m.Groups[2].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0)
        {
            return m.Groups[1].Value == "bucket" ? Bucket(n) : Truncate(n);
        }
        throw IcebergFormatException.At(path, $"unknown transform '{text}'");
    }

    private protected static T As<T>(object value, IcebergType source) =>
        value is T t ? t : throw new ArgumentException($"A {source} value must be a {typeof(T).Name}, got {value.GetType().Name}", nameof(value));

    [GeneratedRegex(@"^(bucket|truncate)\[\s*(\d+)\s*\]$")]
    private static partial Regex ParamPattern();
}

/// <summary>The value itself; any primitive except variant.</summary>
public sealed record IdentityTransform : Transform
{
    public override bool CanTransform(IcebergType source) => source is PrimitiveType { Id: not TypeId.Variant };

    public override IcebergType ResultType(IcebergType source) => source;

    private protected override object? ApplyNonNull(IcebergType source, object value) => value;

    public override string ToString() => "identity";
}

/// <summary>Always null; any type. The result type is the source type.</summary>
public sealed record VoidTransform : Transform
{
    public override bool CanTransform(IcebergType source) => true;

    public override IcebergType ResultType(IcebergType source) => source;

    private protected override object? ApplyNonNull(IcebergType source, object value) => null;

    public override string ToString() => "void";
}
