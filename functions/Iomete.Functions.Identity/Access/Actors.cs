namespace Iomete.Functions.Identity.Access;

/// <summary>Who can own a domain or a bundle, or hold bundle permissions.</summary>
public enum ActorType
{
    User,
    Group,
}

/// <summary>An actor as requests name it: a user (id or username) or a group (id or name).</summary>
public sealed record ActorRequest(string Id, ActorType Type);

/// <summary>An actor as responses show it: the stored id, its type and its display name.</summary>
public sealed record ActorView(string Id, ActorType Type, string? Name);

internal static class ActorTypes
{
    /// <summary>The value stored in <c>actor_type</c>/<c>owner_type</c> columns.</summary>
    public static string Db(this ActorType type) => type == ActorType.User ? "USER" : "GROUP";

    public static ActorType FromDb(string value) => value == "USER" ? ActorType.User : ActorType.Group;
}
