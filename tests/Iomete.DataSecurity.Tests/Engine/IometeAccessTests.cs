using Iomete.DataSecurity.Engine;
using Iomete.DataSecurity.Model;
using static Iomete.DataSecurity.Tests.Engine.Policies;

namespace Iomete.DataSecurity.Tests.Engine;

public sealed class IometeAccessTests
{
    private static readonly RangerPolicy SalesAll = new()
    {
        Id = 1, Name = "sales-all", Resources = On("spark_catalog.sales", "*", "*"),
        PolicyItems = [Item(["all"], users: ["alice"]), Item(["write"], groups: ["etl"]), Item(["select"], roles: ["analyst"])],
    };

    [Fact]
    public void All_ImpliesEveryGrantableType()
    {
        var engine = EngineOf([SalesAll]);
        foreach (var type in Decisions.DataAccessTypes.Grantable)
        {
            Assert.True(engine.Access(Request(User("alice"), type, "spark_catalog.sales", "orders")).IsAllowed, type);
        }
    }

    [Fact]
    public void Write_ImpliesInsertUpdateDeleteButNotSelect()
    {
        var engine = EngineOf([SalesAll]);
        var etl = User("bob", groups: ["etl"]);
        Assert.True(engine.Access(Request(etl, "insert", "spark_catalog.sales", "orders")).IsAllowed);
        Assert.True(engine.Access(Request(etl, "update", "spark_catalog.sales", "orders")).IsAllowed);
        Assert.True(engine.Access(Request(etl, "delete", "spark_catalog.sales", "orders")).IsAllowed);
        Assert.False(engine.Access(Request(etl, "select", "spark_catalog.sales", "orders")).IsAllowed);
    }

    [Fact]
    public void Wildcards_MatchStarAndQuestionMarkCaseInsensitively()
    {
        var engine = EngineOf([new RangerPolicy
        {
            Id = 2, Name = "wild", Resources = On("spark_catalog.sales_*", "ord?rs", "*"),
            PolicyItems = [Item(["select"], users: ["carol"])],
        }]);
        var carol = User("carol");
        Assert.True(engine.Access(Request(carol, "select", "spark_catalog.sales_eu", "orders", "id")).IsAllowed);
        Assert.True(engine.Access(Request(carol, "select", "SPARK_CATALOG.SALES_US", "ORDERS", "id")).IsAllowed);
        Assert.False(engine.Access(Request(carol, "select", "spark_catalog.sales_eu", "ordrs", "id")).IsAllowed);
        Assert.False(engine.Access(Request(carol, "select", "spark_catalog.hr", "orders", "id")).IsAllowed);
    }

    [Fact]
    public void Roles_FromSnapshotIncludingNestedRolesAndGroupMembership()
    {
        var roles = new[]
        {
            new RangerRole { Name = "junior", Groups = [new() { Name = "interns" }] },
            new RangerRole { Name = "analyst", Roles = [new() { Name = "junior" }] },
        };
        var engine = EngineOf([SalesAll], roles: roles);
        Assert.True(engine.Access(Request(User("dave", groups: ["interns"]), "select", "spark_catalog.sales", "t")).IsAllowed);
        Assert.True(engine.Access(Request(User("erin", roles: ["analyst"]), "select", "spark_catalog.sales", "t")).IsAllowed);
        Assert.False(engine.Access(Request(User("frank"), "select", "spark_catalog.sales", "t")).IsAllowed);
    }

    [Fact]
    public void DenyBeatsAllowInTheSamePriority_AndOverrideAllowBeatsNormalDeny()
    {
        var deny = new RangerPolicy
        {
            Id = 3, Name = "deny-pii", Resources = On("spark_catalog.sales", "customers", "*"),
            DenyPolicyItems = [Item(["select"], groups: ["public"])],
            DenyExceptions = [Item(["select"], users: ["alice"])],
        };
        var overrideAllow = new RangerPolicy
        {
            Id = 4, Name = "dpo", PolicyPriority = RangerPolicyPriorities.Override, Resources = On("spark_catalog.sales", "customers", "*"),
            PolicyItems = [Item(["select"], users: ["dpo"])],
        };
        var engine = EngineOf([SalesAll, deny, overrideAllow]);
        var analyst = User("erin", roles: ["analyst"]);
        var denied = engine.Access(Request(analyst, "select", "spark_catalog.sales", "customers", "email"));
        Assert.False(denied.IsAllowed);
        Assert.Equal(3, denied.PolicyId);
        Assert.True(engine.Access(Request(User("alice"), "select", "spark_catalog.sales", "customers", "email")).IsAllowed);
        Assert.True(engine.Access(Request(User("dpo"), "select", "spark_catalog.sales", "customers", "email")).IsAllowed);
    }

    [Fact]
    public void TagDeny_YieldsOnlyToAStrictlyHigherPriorityResourcePolicy()
    {
        var tagDeny = new RangerPolicy
        {
            Id = 10, Name = "pii", Resources = new() { ["tag"] = new() { Values = ["PII"] } },
            DenyPolicyItems = [Item(["iomete:select"], groups: ["public"])],
        };
        var overrideAllow = new RangerPolicy
        {
            Id = 11, Name = "dpo", PolicyPriority = RangerPolicyPriorities.Override, Resources = On("spark_catalog.sales", "*", "*"),
            PolicyItems = [Item(["select"], users: ["dpo"])],
        };
        var engine = EngineOf([SalesAll, overrideAllow], tagPolicies: [tagDeny]);
        ResourceTag[] pii = [new("PII", new Dictionary<string, string>())];
        var alice = engine.Access(Request(User("alice"), "select", "spark_catalog.sales", "customers", "email", tags: pii));
        Assert.False(alice.IsAllowed);
        Assert.Equal(10, alice.PolicyId);
        Assert.True(engine.Access(Request(User("dpo"), "select", "spark_catalog.sales", "customers", "email", tags: pii)).IsAllowed);
        Assert.True(engine.Access(Request(User("alice"), "select", "spark_catalog.sales", "customers", "email")).IsAllowed);
    }

    [Fact]
    public void ValiditySchedules_ApplyInTheirTimeZoneAndAnyPeriodCounts()
    {
        var policy = SalesAll with
        {
            ValiditySchedules =
            [
                new() { StartTime = "2026/06/01 14:00:00", EndTime = "2026/06/01 15:00:00", TimeZone = "Europe/Berlin" },
                new() { StartTime = "2027/01/01 00:00:00", EndTime = "2027/02/01 00:00:00" },
            ],
        };
        var engine = EngineOf([policy]);
        bool At(DateTimeOffset t) => engine.Access(Request(User("alice"), "select", "spark_catalog.sales", "t", at: t)).IsAllowed;
        Assert.True(At(new DateTimeOffset(2026, 6, 1, 12, 30, 0, TimeSpan.Zero)));
        Assert.False(At(new DateTimeOffset(2026, 6, 1, 13, 30, 0, TimeSpan.Zero)));
        Assert.True(At(new DateTimeOffset(2027, 1, 15, 0, 0, 0, TimeSpan.Zero)));
        Assert.False(At(new DateTimeOffset(2027, 3, 1, 0, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void Macros_UserAndOwnerInPrincipalsAndResources()
    {
        var home = new RangerPolicy
        {
            Id = 20, Name = "home", Resources = On("spark_catalog.home_{USER}", "*", "*"),
            PolicyItems = [Item(["all"], users: ["{USER}"])],
        };
        var owner = new RangerPolicy
        {
            Id = 21, Name = "owner", Resources = On("*", "*", "*"),
            PolicyItems = [Item(["drop"], users: ["{OWNER}"])],
        };
        var engine = EngineOf([home, owner]);
        Assert.True(engine.Access(Request(User("gina"), "select", "spark_catalog.home_gina", "t")).IsAllowed);
        Assert.False(engine.Access(Request(User("gina"), "select", "spark_catalog.home_hank", "t")).IsAllowed);
        Assert.True(engine.Access(Request(User("gina"), "drop", "spark_catalog.x", "t", owner: "gina")).IsAllowed);
        Assert.False(engine.Access(Request(User("hank"), "drop", "spark_catalog.x", "t", owner: "gina")).IsAllowed);
    }

    [Fact]
    public void SuperUser_IsAllowedWithoutPolicies()
    {
        var outcome = EngineOf([]).Access(Request(User("root"), "drop", "spark_catalog.any", "t"));
        Assert.True(outcome.IsAllowed);
        Assert.Equal(-1, outcome.PolicyId);
    }

    [Fact]
    public void NoMatchingPolicy_IsDeniedAndNotAudited()
    {
        var outcome = EngineOf([SalesAll]).Access(Request(User("alice"), "select", "spark_catalog.hr", "t"));
        Assert.False(outcome.IsAllowed);
        Assert.False(outcome.IsAudited);
        Assert.Equal(-1, outcome.PolicyId);
    }
}
