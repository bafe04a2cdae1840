namespace Iomete.Deploy.Planning;

/// <summary>
/// A path as segments, where <c>*</c> stands for one route parameter (<c>{domain}</c>, <c>{*path}</c>). A pattern used as
/// a gateway prefix matches a path when each of its segments equals the path's or either is <c>*</c>.
/// </summary>
internal sealed record RoutePattern(IReadOnlyList<string> Segments)
{
    public const string Any = "*";

    public static RoutePattern FromRoute(string route) =>
        new(route.Trim('/').Split('/').Select(s => s.StartsWith('{') ? Any : s).ToList());

    public static RoutePattern Parse(string pattern) => new(pattern.Trim('/').Split('/'));

    public int Length => Segments.Count;

    public RoutePattern Take(int count) => new(Segments.Take(count).ToList());

    /// <summary>True when this prefix could match a request that <paramref name="route"/> serves.</summary>
    public bool IsPrefixOf(RoutePattern route) =>
        route.Length >= Length && Segments.Select((s, i) => s == Any || route.Segments[i] == Any || s == route.Segments[i]).All(m => m);

    public override string ToString() => "/" + string.Join('/', Segments);

    public bool Equals(RoutePattern? other) => other is not null && Segments.SequenceEqual(other.Segments);

    public override int GetHashCode() => ToString().GetHashCode(StringComparison.Ordinal);
}
