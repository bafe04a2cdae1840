using Iomete.Platform.Security;

namespace Iomete.Functions.Identity.Users;

public enum UserStatus
{
    Active,
    Disabled,
}

/// <summary>A user as stored; <see cref="PasswordHash"/> never leaves the service.</summary>
public sealed record User(
    string Id,
    string Username,
    string? Email,
    string? FirstName,
    string? LastName,
    UserType Type,
    string Origin,
    UserStatus Status,
    string? PasswordHash,
    bool PasswordTemporary,
    bool IsSuperAdmin,
    string? CreatedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    int Version)
{
    public const string AdminUsername = "admin";
    public const string OriginIomete = "IOMETE";
}

/// <summary>A user as the API shows it.</summary>
public sealed record UserView(
    string Id,
    string Username,
    string? Email,
    string? FirstName,
    string? LastName,
    UserType Type,
    string Origin,
    UserStatus Status,
    bool PasswordChangeRequired,
    string? CreatedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    /// <summary>Only in the answer to create: the generated password, shown once.</summary>
    public string? TemporaryPassword { get; init; }

    public static UserView From(User u) => new(u.Id, u.Username, u.Email, u.FirstName, u.LastName, u.Type, u.Origin,
        u.Status, u.PasswordTemporary, u.CreatedBy, u.CreatedAt, u.UpdatedAt);
}
