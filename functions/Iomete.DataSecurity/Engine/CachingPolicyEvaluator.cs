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
        if (cache.Count >= _capacity)
        {
            cache.Clear();
        }
        cache.TryAdd(key, value);
        return value;
    }

    private string Key(PolicyRequest request)
    {
        const char Sep = '\u001f';
        var sb = new StringBuilder(128);
        var user = request.User;
        sb.Append(user.Name).Append(Sep);
        AppendSorted(sb, user.Groups);
        AppendSorted(sb, user.Roles);
        foreach (var (k, v) in user.Attributes.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            sb.Append(k).Append('=').Append(v).Append(Sep);
        }
        sb.Append('\u001e');
        foreach (var (k, v) in request.Resource.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            sb.Append(k).Append('=').Append(v).Append(Sep);
        }
        sb.Append('\u001e').Append(request.AccessType).Append(Sep).Append(request.ResourceOwner).Append(Sep).Append(request.ClientIp).Append(Sep);
        sb.Append(request.AccessTime.UtcTicks / _bucketTicks).Append(Sep);
        if (request.Tags is { Count: > 0 } tags)
        {
            foreach (var tag in tags)
            {
                sb.Append(tag.Type).Append('/').Append(tag.MatchType);
                foreach (var (k, v) in tag.Attributes.OrderBy(a => a.Key, StringComparer.Ordinal))
                {
                    sb.Append(k).Append('=').Append(v).Append(',');
                }
                sb.Append(Sep);
            }
        }
        return sb.ToString();
    }

    private static void AppendSorted(StringBuilder sb, IReadOnlySet<string> values)
    {
        if (values.Count == 1)
        {
            sb.Append(values.First()).Append(Sep());
        }
        else
        {
            foreach (var v in values.Order(StringComparer.Ordinal))
            {
                sb.Append(v).Append(Sep());
            }
        }
        sb.Append('\u001d');
        static char Sep() => ',';
    }
}
