using Dapper;
using Iomete.Functions.Clusters.Secrets;
using Iomete.Platform.Data;
using Iomete.Platform.Errors;

namespace Iomete.Functions.Clusters.Registries;

/// <summary>A registry with its password in clear, for the pull Secret only.</summary>
public sealed record RegistryCredentials(string Name, string Host, string Namespace, string Username, string Password);

/// <summary>Docker registries in the cluster service's database; passwords encrypted with <see cref="ClusterSecretCipher"/>.</summary>
public sealed class RegistryStore(IMetadataDb db, ClusterSecretCipher cipher, TimeProvider clock)
{
    private const string Columns =
        "name AS Name, host AS Host, namespace AS Namespace, username AS Username, password_secret AS PasswordSecret, " +
        "created_by AS CreatedBy, created_ms AS CreatedMs, updated_by AS UpdatedBy, updated_ms AS UpdatedMs";

    public async Task<IReadOnlyList<RegistryView>> ListAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ClustersRegistration.Service, ct);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition($"SELECT {Columns} FROM docker_registries ORDER BY name", cancellationToken: ct));
        return rows.Select(r => r.ToView()).ToList();
    }

    public async Task<RegistryView?> GetAsync(string name, CancellationToken ct) => (await ReadAsync(name, ct))?.ToView();

    public async Task<RegistryCredentials?> CredentialsAsync(string name, CancellationToken ct) =>
        await ReadAsync(name, ct) is { } r ? new RegistryCredentials(r.Name, r.Host, r.Namespace, r.Username, cipher.Decrypt(r.PasswordSecret)) : null;

    public async Task<RegistryView> CreateAsync(CreateRegistryRequest body, string by, CancellationToken ct)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        await using var connection = await db.OpenAsync(ClustersRegistration.Service, ct);
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO docker_registries (name, host, namespace, username, password_secret, created_by, created_ms, updated_by, updated_ms)
                VALUES (@Name, @Host, @Namespace, @Username, @Password, @By, @Now, @By, @Now)
                """,
                new { body.Name, body.Host, body.Namespace, body.Username, Password = cipher.Encrypt(body.Password!), By = by, Now = now },
                cancellationToken: ct));
        }
        catch (Exception ex) when (db.IsUniqueViolation(ex))
        {
            throw new ConflictException($"A docker registry named '{body.Name}' already exists.");
        }
        return (await GetAsync(body.Name!, ct))!;
    }

    public async Task<RegistryView?> UpdateAsync(string name, UpdateRegistryRequest body, string by, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ClustersRegistration.Service, ct);
        var changed = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE docker_registries SET host = @Host, username = @Username, password_secret = @Password, updated_by = @By, updated_ms = @Now WHERE name = @Name",
            new { Name = name, body.Host, body.Username, Password = cipher.Encrypt(body.Password!), By = by, Now = clock.GetUtcNow().ToUnixTimeMilliseconds() },
            cancellationToken: ct));
        return changed == 0 ? null : await GetAsync(name, ct);
    }

    public async Task<bool> DeleteAsync(string name, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ClustersRegistration.Service, ct);
        return await connection.ExecuteAsync(new CommandDefinition("DELETE FROM docker_registries WHERE name = @Name", new { Name = name }, cancellationToken: ct)) > 0;
    }

    private async Task<Row?> ReadAsync(string name, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ClustersRegistration.Service, ct);
        return await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM docker_registries WHERE name = @Name", new { Name = name }, cancellationToken: ct));
    }

    private sealed class Row
    {
        public string Name { get; set; } = "";
        public string Host { get; set; } = "";
        public string Namespace { get; set; } = "";
        public string Username { get; set; } = "";
        public string PasswordSecret { get; set; } = "";
        public string CreatedBy { get; set; } = "";
        public long CreatedMs { get; set; }
        public string UpdatedBy { get; set; } = "";
        public long UpdatedMs { get; set; }

        public RegistryView ToView() => new(Name, Host, Namespace, Username, RegistryRules.PullSecretName(Name), CreatedBy,
            DateTimeOffset.FromUnixTimeMilliseconds(CreatedMs), UpdatedBy, DateTimeOffset.FromUnixTimeMilliseconds(UpdatedMs));
    }
}
