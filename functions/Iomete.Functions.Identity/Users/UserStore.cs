using Dapper;
using Iomete.Functions.Identity.Storage;
using Iomete.Platform.Errors;
using Iomete.Platform.Http;
using Iomete.Platform.Security;

namespace Iomete.Functions.Identity.Users;

/// <summary>Users in the identity database.</summary>
public sealed class UserStore(IdentityDb db)
{
    private const string Columns =
        "id AS Id, username AS Username, email AS Email, first_name AS FirstName, last_name AS LastName, type AS Type, " +
        "origin AS Origin, status AS Status, password_hash AS PasswordHash, password_temporary AS PasswordTemporary, " +
        "is_super_admin AS IsSuperAdmin, created_by AS CreatedBy, created_at_ms AS CreatedAtMs, updated_at_ms AS UpdatedAtMs, version AS Version";

    public static readonly IReadOnlyDictionary<string, string> Sortable = new Dictionary<string, string>
    {
        ["username"] = "username",
        ["email"] = "email",
        ["createdAt"] = "created_at_ms",
        ["type"] = "type",
    };

    public async Task<User?> GetAsync(string id, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM users WHERE id = @id", new { id }, cancellationToken: ct));
        return row?.ToUser();
    }

    public async Task<User> RequireAsync(string id, CancellationToken ct) =>
        await GetAsync(id, ct) ?? throw new NotFoundException("User", id);

    public async Task<User?> FindByUsernameAsync(string username, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM users WHERE username = @username", new { username = username.ToLowerInvariant() }, cancellationToken: ct));
        return row?.ToUser();
    }

    /// <summary>Every user of one origin (LDAP sync compares them with the directory).</summary>
    public async Task<IReadOnlyList<User>> ListByOriginAsync(string origin, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM users WHERE origin = @origin", new { origin }, cancellationToken: ct));
        return rows.Select(r => r.ToUser()).ToList();
    }

    /// <summary>Inserts a user; false when the username is taken (used by the race-safe bootstrap).</summary>
    public async Task<bool> TryInsertAsync(User user, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var inserted = await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO users (id, username, email, first_name, last_name, type, origin, status, password_hash,
                               password_temporary, is_super_admin, created_by, created_at_ms, updated_at_ms, version)
            VALUES (@Id, @Username, @Email, @FirstName, @LastName, @Type, @Origin, @Status, @PasswordHash,
                    @PasswordTemporary, @IsSuperAdmin, @CreatedBy, @CreatedAtMs, @UpdatedAtMs, @Version)
            ON CONFLICT (username) DO NOTHING
            """,
            Parameters(user), cancellationToken: ct));
        return inserted == 1;
    }

    /// <summary>Inserts a user; 409 when the username or email is taken.</summary>
    public async Task InsertAsync(User user, CancellationToken ct)
    {
        try
        {
            if (!await TryInsertAsync(user, ct))
            {
                throw new ConflictException($"A user named '{user.Username}' exists already.");
            }
        }
        catch (Exception ex) when (db.IsUniqueViolation(ex))
        {
            throw new ConflictException($"A user with the email '{user.Email}' exists already.");
        }
    }

    /// <summary>Saves the editable fields if nobody changed the user meanwhile; 409 otherwise.</summary>
    public async Task UpdateAsync(User user, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        int updated;
        try
        {
            updated = await connection.ExecuteAsync(new CommandDefinition(
                """
                UPDATE users SET email = @Email, first_name = @FirstName, last_name = @LastName, type = @Type, status = @Status,
                                 password_hash = @PasswordHash, password_temporary = @PasswordTemporary,
                                 updated_at_ms = @UpdatedAtMs, version = version + 1
                WHERE id = @Id AND version = @Version
                """,
                Parameters(user), cancellationToken: ct));
        }
        catch (Exception ex) when (db.IsUniqueViolation(ex))
        {
            throw new ConflictException($"A user with the email '{user.Email}' exists already.");
        }
        if (updated == 0)
        {
            throw await GetAsync(user.Id, ct) is null
                ? new NotFoundException("User", user.Id)
                : new ConflictException($"User '{user.Id}' was changed by another request; read it again and retry.");
        }
    }

    /// <summary>Deletes a user with its group memberships, admin roles, sessions and access tokens.</summary>
    public async Task<bool> DeleteAsync(string id, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var args = new { id };
        foreach (var sql in new[]
                 {
                     "DELETE FROM group_members WHERE user_id = @id",
                     "DELETE FROM admin_role_assignments WHERE principal_type = 'USER' AND principal_id = @id",
                     "DELETE FROM sessions WHERE user_id = @id",
                     "DELETE FROM access_tokens WHERE owner_id = @id",
                 })
        {
            await connection.ExecuteAsync(new CommandDefinition(sql, args, tx, cancellationToken: ct));
        }
        var deleted = await connection.ExecuteAsync(new CommandDefinition("DELETE FROM users WHERE id = @id", args, tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
        return deleted == 1;
    }

    public Task<Page<User>> ListAsync(ListQuery query, UserType? type, CancellationToken ct)
    {
        var where = "WHERE 1 = 1";
        if (query.SearchPattern is not null)
        {
            where += " AND (username LIKE @Pattern ESCAPE '\\' OR lower(email) LIKE @Pattern ESCAPE '\\'" +
                     " OR lower(first_name) LIKE @Pattern ESCAPE '\\' OR lower(last_name) LIKE @Pattern ESCAPE '\\')";
        }
        if (type is not null)
        {
            where += " AND type = @Type";
        }
        var args = new { Pattern = query.SearchPattern, Type = type is { } t ? DbEnum<UserType>.Name(t) : null, query.Limit, query.Offset };
        return QueryPageAsync(where, args, query, ct);
    }

    /// <summary>A page of users matching <paramref name="where"/>; <paramref name="args"/> must carry Limit and Offset.</summary>
    internal async Task<Page<User>> QueryPageAsync(string where, object args, ListQuery query, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition($"SELECT COUNT(*) FROM users {where}", args, cancellationToken: ct));
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM users {where} ORDER BY {query.OrderBy}, id LIMIT @Limit OFFSET @Offset", args, cancellationToken: ct));
        return new Page<User>(rows.Select(r => r.ToUser()).ToList(), total, query.Offset, query.Limit);
    }

    private static object Parameters(User u) => new
    {
        u.Id, u.Username, u.Email, u.FirstName, u.LastName, Type = DbEnum<UserType>.Name(u.Type), u.Origin,
        Status = DbEnum<UserStatus>.Name(u.Status), u.PasswordHash, u.PasswordTemporary, u.IsSuperAdmin, u.CreatedBy,
        CreatedAtMs = IdentityDb.Ms(u.CreatedAt), UpdatedAtMs = IdentityDb.Ms(u.UpdatedAt), u.Version,
    };

    // A class with setters, not a positional record: Dapper converts SQLite's INTEGER to int and bool only for properties.
    internal sealed class Row
    {
        public string Id { get; init; } = "";
        public string Username { get; init; } = "";
        public string? Email { get; init; }
        public string? FirstName { get; init; }
        public string? LastName { get; init; }
        public string Type { get; init; } = "";
        public string Origin { get; init; } = "";
        public string Status { get; init; } = "";
        public string? PasswordHash { get; init; }
        public bool PasswordTemporary { get; init; }
        public bool IsSuperAdmin { get; init; }
        public string? CreatedBy { get; init; }
        public long CreatedAtMs { get; init; }
        public long UpdatedAtMs { get; init; }
        public int Version { get; init; }

        public User ToUser() => new(Id, Username, Email, FirstName, LastName, DbEnum<UserType>.Parse(Type), Origin,
            DbEnum<UserStatus>.Parse(Status), PasswordHash, PasswordTemporary, IsSuperAdmin, CreatedBy,
            IdentityDb.At(CreatedAtMs), IdentityDb.At(UpdatedAtMs), Version);
    }
}
