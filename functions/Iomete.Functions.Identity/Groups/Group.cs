namespace Iomete.Functions.Identity.Groups;

/// <summary>A group of users; its name never changes.</summary>
public sealed record Group(string Id, string Name, string? Description, string Origin, string? CreatedBy, DateTimeOffset CreatedAt);

public sealed record GroupView(string Id, string Name, string? Description, string Origin, string? CreatedBy, DateTimeOffset CreatedAt)
{
    public static GroupView From(Group g) => new(g.Id, g.Name, g.Description, g.Origin, g.CreatedBy, g.CreatedAt);
}
