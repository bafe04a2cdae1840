using Iomete.Functions.Identity.Groups;
using Iomete.Functions.Identity.Storage;
using Iomete.Functions.Identity.Users;

namespace Iomete.Functions.Identity.Oidc;

/// <summary>A user's standard claims, filtered by the granted scopes; shared by the ID token and userinfo.</summary>
public sealed class OidcProfile(IdentityDb db, GroupStore groups)
{
    public async Task<Dictionary<string, object>> ClaimsAsync(User user, IReadOnlyCollection<string> scopes, CancellationToken ct)
    {
        var claims = new Dictionary<string, object>(StringComparer.Ordinal) { ["sub"] = user.Id };
        if (scopes.Contains("profile"))
        {
            claims["preferred_username"] = user.Username;
            AddIfSet(claims, "given_name", user.FirstName);
            AddIfSet(claims, "family_name", user.LastName);
            var name = string.Join(' ', new[] { user.FirstName, user.LastName }.Where(n => !string.IsNullOrEmpty(n)));
            claims["name"] = name.Length > 0 ? name : user.Username;
        }
        if (scopes.Contains("email"))
        {
            AddIfSet(claims, "email", user.Email);
        }
        if (scopes.Contains("groups"))
        {
            Membership membership;
            await using (var connection = await db.OpenAsync(ct))
            {
                membership = await EffectiveMembership.LoadAsync(connection, user.Id, ct);
            }
            var refs = await groups.RefsAsync(membership.GroupIds, ct);
            claims["groups"] = refs.Select(g => g.Name).ToArray();
        }
        return claims;
    }

    private static void AddIfSet(Dictionary<string, object> claims, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            claims[name] = value;
        }
    }
}
