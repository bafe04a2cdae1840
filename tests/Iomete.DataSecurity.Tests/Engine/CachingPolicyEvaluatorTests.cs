using Iomete.DataSecurity.Engine;
using Iomete.DataSecurity.Model;
using static Iomete.DataSecurity.Tests.Engine.Policies;

namespace Iomete.DataSecurity.Tests.Engine;

public sealed class CachingPolicyEvaluatorTests
{
    private sealed class CountingEvaluator(IPolicyEvaluator inner) : IPolicyEvaluator
    {
        public int Calls { get; private set; }

        public long Version => inner.Version;

        public AccessOutcome Access(PolicyRequest request)
        {
            Calls++;
            return inner.Access(request);
        }

        public MaskOutcome Mask(PolicyRequest request) => inner.Mask(request);

        public RowFilterOutcome RowFilter(PolicyRequest request) => inner.RowFilter(request);
    }

    private static readonly RangerPolicy Policy = new()
    {
        Id = 1, Name = "p", Resources = On("spark_catalog.sales", "*", "*"), PolicyItems = [Item(["select"], groups: ["analysts"])],
    };

    [Fact]
    public void SameQuestion_IsAnsweredFromTheCache()
    {
        var counting = new CountingEvaluator(EngineOf([Policy]));
        var cache = new CachingPolicyEvaluator(counting);
        var request = Request(User("a", groups: ["analysts"]), "select", "spark_catalog.sales", "t");
        Assert.True(cache.Access(request).IsAllowed);
        Assert.True(cache.Access(request with { AccessTime = request.AccessTime.AddSeconds(5) }).IsAllowed);
        Assert.Equal(1, counting.Calls);
    }

    [Fact]
    public void DifferentGroupsOrTimeBucket_AreDifferentEntries()
    {
        var counting = new CountingEvaluator(EngineOf([Policy]));
        var cache = new CachingPolicyEvaluator(counting);
        Assert.True(cache.Access(Request(User("a", groups: ["analysts"]), "select", "spark_catalog.sales", "t")).IsAllowed);
        Assert.False(cache.Access(Request(User("a"), "select", "spark_catalog.sales", "t")).IsAllowed);
        cache.Access(Request(User("a"), "select", "spark_catalog.sales", "t", at: Now.AddMinutes(2)));
        Assert.Equal(3, counting.Calls);
    }

    [Fact]
    public void Cache_IsBounded()
    {
        var cache = new CachingPolicyEvaluator(EngineOf([Policy]), capacity: 10);
        for (var i = 0; i < 100; i++)
        {
            cache.Access(Request(User($"u{i}"), "select", "spark_catalog.sales", "t"));
        }
        Assert.True(cache.Count <= 10);
    }
}
