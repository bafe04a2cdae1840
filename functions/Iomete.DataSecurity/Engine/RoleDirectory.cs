using Iomete.DataSecurity.Model;

namespace Iomete.DataSecurity.Engine;

/// <summary>Resolves a caller's roles from the snapshot: roles naming the user or one of their groups, and roles containing those roles.</summary>
internal sealed class RoleDirectory
{
    private readonly Dictionary<string, List<string>> _byUser = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _byGroup = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _parents = new(StringComparer.Ordinal);

    public RoleDirectory(IReadOnlyList<RangerRole> roles)
    {
        foreach (var role in roles)
        {
            foreach (var user in role.Users)
            {
                Add(_byUser, user.Name, role.Name);
            }
            foreach (var group in role.Groups)
            {
                Add(_byGroup, group.Name, role.Name);
            }
            foreach (var member in role.Roles)
            {
                Add(_parents, member.Name, role.Name);
            }
        }
    }

    public bool IsEmpty => _byUser.Count == 0 && _byGroup.Count == 0;

    public IReadOnlySet<string> Resolve(string user, IReadOnlySet<string> groups, IReadOnlySet<string> direct)
    {
        if (IsEmpty && direct.Count == 0)
        {
            return direct;
        }
        var result = new HashSet<string>(direct, StringComparer.Ordinal);
        var pending = new Stack<string>(direct);
        Push(_byUser, user, result, pending);
        Push(_byGroup, PolicyEngine.PublicGroup, result, pending);
        foreach (var group in groups)
        {
            Push(_byGroup, group, result, pending);
        }
        while (pending.Count > 0)
        {
            Push(_parents, pending.Pop(), result, pending);
        }
        return result;
    }

    private static void Push(Dictionary<string, List<string>> map, string key, HashSet<string> result, Stack<string> pending)
    {
        if (!map.TryGetValue(key, out var roles))
        {
            return;
        }
        foreach (var role in roles)
        {
            if (result.Add(role))
            {
                pending.Push(role);
            }
        }
    }

    private static void Add(Dictionary<string, List<string>> map, string key, string value)
    {
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = [];
        }
        list.Add(value);
    }
}
