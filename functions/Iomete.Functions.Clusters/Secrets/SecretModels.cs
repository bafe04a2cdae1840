using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using Iomete.Functions.Clusters.Common;
using Iomete.Platform.Errors;
using ValidationException = Iomete.Platform.Errors.ValidationException;

namespace Iomete.Functions.Clusters.Secrets;

/// <summary>A secret as the API shows it: its key and where it lives, never its value.</summary>
public sealed record SecretView(string Key, SecretSource Source, string CreatedBy, DateTimeOffset CreatedAt, string UpdatedBy, DateTimeOffset UpdatedAt)
{
    public static SecretView From(SecretEntry e) =>
        new(e.Key, new SecretSource(SecretObjects.Kubernetes, e.Scope == SecretStore.GlobalScope ? null : e.Scope), e.CreatedBy, e.CreatedAt, e.UpdatedBy, e.UpdatedAt);
}

/// <summary>A new secret. The value is write-only: no answer ever carries it.</summary>
public sealed record CreateSecretRequest(
    [property: Required] string? Key = null,
    [property: Required, StringLength(SecretRules.MaxValueLength)] string? Value = null);

/// <summary>The secret's new value.</summary>
public sealed record UpdateSecretRequest([property: Required, StringLength(SecretRules.MaxValueLength)] string? Value = null);

public static partial class SecretRules
{
    /// <summary>64 KiB per value keeps a whole store far below Kubernetes' 1 MiB limit for one Secret.</summary>
    public const int MaxValueLength = 65536;

    /// <summary>Keys become Secret data keys and environment references: <c>[A-Za-z0-9._-]{1,253}</c>.</summary>
    public static void RequireKey(string? key, string field = "key")
    {
        if (key is null || !KeyPattern().IsMatch(key))
        {
            throw ValidationException.ForField(field, "must be 1-253 letters, digits, '.', '_' or '-'");
        }
    }

    [GeneratedRegex("^[A-Za-z0-9._-]{1,253}$")]
    private static partial Regex KeyPattern();
}

/// <summary>Writes to a secret scope and mirrors the scope to the data plane.</summary>
public sealed class SecretCommands(SecretStore store, SecretMirror mirror)
{
    public async Task<SecretEntry> CreateAsync(string scope, CreateSecretRequest body, string by, CancellationToken ct)
    {
        SecretRules.RequireKey(body.Key);
        var entry = await store.CreateAsync(scope, body.Key!, body.Value!, by, ct);
        await mirror.SyncAsync(scope, ct);
        return entry;
    }

    public async Task<SecretEntry> UpdateAsync(string scope, string key, UpdateSecretRequest body, string by, CancellationToken ct)
    {
        var entry = await store.UpdateAsync(scope, key, body.Value!, by, ct) ?? throw new NotFoundException("Secret", key);
        await mirror.SyncAsync(scope, ct);
        return entry;
    }

    public async Task DeleteAsync(string scope, string key, CancellationToken ct)
    {
        if (!await store.DeleteAsync(scope, key, ct))
        {
            throw new NotFoundException("Secret", key);
        }
        await mirror.SyncAsync(scope, ct);
    }
}
