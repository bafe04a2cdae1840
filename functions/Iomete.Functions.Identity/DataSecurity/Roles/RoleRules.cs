using Iomete.DataSecurity.Model;
using Iomete.Functions.Identity.DataSecurity.Policies;
using Iomete.Platform.Errors;

namespace Iomete.Functions.Identity.DataSecurity.Roles;

/// <summary>What a Ranger role must meet: a valid name, named members, nested roles that exist and form no cycle.</summary>
public static class RoleRules
{
    public static void Validate(RangerRole role, ValidationErrors errors, string prefix = "")
    {
        if (string.IsNullOrWhiteSpace(role.Name) || !PolicyValidator.NamePattern().IsMatch(role.Name))
        {
            errors.Add(prefix + "name", "is required: 1 to 255 letters, digits, '-' or '_'");
        }
        if (role.Description is { Length: > 4000 })
        {
            errors.Add(prefix + "description", "must be at most 4000 characters");
        }
        foreach (var (members, field) in new[] { (role.Users, "users"), (role.Groups, "groups"), (role.Roles, "roles") })
        {
            if (members.Any(m => m is null || string.IsNullOrWhiteSpace(m.Name) || m.Name.Length > 255))
            {
                errors.Add(prefix + field, "every member needs a name of 1 to 255 characters");
            }
        }
        if (role.Roles.Any(m => m?.Name == role.Name))
        {
            errors.Add(prefix + "roles", "a role cannot contain itself");
        }
    }

    /// <summary>400 when a nested role does not exist among <paramref name="others"/> or when nesting would close a cycle.</summary>
    public static void CheckNesting(RangerRole role, IReadOnlyList<RangerRole> others)
    {
        var byName = others.ToDictionary(r => r.Name, StringComparer.Ordinal);
        byName[role.Name] = role;
        var missing = role.Roles.Select(m => m.Name).Where(n => !byName.ContainsKey(n)).ToList();
        if (missing.Count > 0)
        {
            throw ValidationException.ForField("roles", $"unknown role(s): {string.Join(", ", missing)}");
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<string>(role.Roles.Select(m => m.Name));
        while (stack.TryPop(out var name))
        {
            if (name == role.Name)
            {
                throw ValidationException.ForField("roles", $"nesting these roles would make role '{role.Name}' a member of itself");
            }
            if (seen.Add(name) && byName.TryGetValue(name, out var nested))
            {
                foreach (var member in nested.Roles)
                {
                    stack.Push(member.Name);
                }
            }
        }
    }
}
