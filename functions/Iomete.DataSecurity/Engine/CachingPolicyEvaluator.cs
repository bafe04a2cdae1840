using System.Collections.Concurrent;
using System.Text;

namespace Iomete.DataSecurity.Engine;

/// <summary>
/// A decorator that remembers decisions per user + groups + roles + attributes + resource + owner + tags + access type
/// + time bucket. One instance serves one snapshot (a new snapshot means a new evaluator), so nothing is ever invalidated;
/// the cache is bounded and starts over when full. Decisions are shared within a time bucket
/// (<see cref="DefaultTimeBucket"/>): a validity schedule takes effect at most one bucket late.
/// </summary>
public sealed class CachingPolicyEvaluator : IPolicyEvaluator
{
    public const int DefaultCapacity = 100_000;

    public static readonly TimeSpan DefaultTimeBucket = TimeSpan.FromMinutes(1);

    private readonly IPolicyEvaluator _inner;
    private readonly int _capacity;
    private readonly long _bucketTicks;
    private int _entries;
    private readonly ConcurrentDictionary<string, AccessOutcome> _access = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, MaskOutcome> _masks = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, RowFilterOutcome> _rowFilters = new(StringComparer.Ordinal);

    public CachingPolicyEvaluator(IPolicyEvaluator inner, int capacity = DefaultCapacity, TimeSpan? timeBucket = null)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _inner = inner;
        _capacity = capacity;
        _bucketTicks = Math.Max(1, (timeBucket ?? DefaultTimeBucket).Ticks);
    }

    public long Version => _inner.Version;

    /// <summary>Entries held now (all three kinds).</summary>
    public int Count => _access.Count + _masks.Count + _rowFilters.Count;

    public AccessOutcome Access(PolicyRequest request) => Get(_access, request, _inner.Access);

    public MaskOutcome Mask(PolicyRequest request) => Get(_masks, request, _inner.Mask);

    public RowFilterOutcome RowFilter(PolicyRequest request) => Get(_rowFilters, request, _inner.RowFilter);

    private T Get<T>(ConcurrentDictionary<string, T> cache, PolicyRequest request, Func<PolicyRequest, T> evaluate)
    {
        var key = Key(request);
        if (cache.TryGetValue(key, out var hit))
        {
            return hit;
        }
        var value = evaluate(request);
        // ConcurrentDictionary.Count takes every lock; a counter keeps misses cheap. It may drift slightly under races.
        if (Interlocked.Increment(ref _entries) > _capacity)
        {
            Interlocked.Exchange(ref _entries, 0);
            _access.Clear();
            _masks.Clear();
            _rowFilters.Clear();
        }
        cache.TryAdd(key, value);
        return value;
    }

    /// <summary>
    /// An unambiguous encoding of everything a decision depends on. Sets and maps are written in their enumeration
    /// order: equal requests built differently may take two entries, never share a wrong one.
    /// </summary>
    private string Key(PolicyRequest request)
    {
        var sb = new StringBuilder(160);
        var user = request.User;
        Field(sb, user.Name);
        foreach (var group in user.Groups)
        {
            Field(sb, group);
        }
        sb.Append('\u001e');
        foreach (var role in user.Roles)
        {
            Field(sb, role);
        }
        sb.Append('\u001e');
        foreach (var (k, v) in user.Attributes)
        {
            Field(sb, k);
            Field(sb, v);
        }
        sb.Append('\u001e');
        foreach (var (k, v) in request.Resource)
        {
            Field(sb, k);
            Field(sb, v);
        }
        sb.Append('\u001e');
        Field(sb, request.AccessType);
        Field(sb, request.ResourceOwner);
        Field(sb, request.ClientIp);
        sb.Append(request.AccessTime.UtcTicks / _bucketTicks);
        if (request.Tags is { Count: > 0 } tags)
        {
            foreach (var tag in tags)
            {
                sb.Append('\u001e');
                Field(sb, tag.Type);
                Field(sb, tag.MatchType);
                foreach (var (k, v) in tag.Attributes)
                {
                    Field(sb, k);
                    Field(sb, v);
                }
            }
        }
        return sb.ToString();
    }

    /// <summary>Length-prefixed, so no value can imitate a separator.</summary>
    private static void Field(StringBuilder sb, string? value)
    {
        if (value is null)
        {
            sb.Append('~');
            return;
        }
        sb.Append(value.Length).Append(':').Append(value);
    }
}
