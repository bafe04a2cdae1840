using FluentMigrator;

namespace Iomete.Functions.Identity.Storage;

[Migration(202611281001, "identity: users")]
[Tags(IdentityRegistration.Service)]
public sealed class CreateUsers : Migration
{
    public override void Up()
    {
        Create.Table("users")
            .WithColumn("id").AsString(64).PrimaryKey()
            .WithColumn("username").AsString(128).NotNullable().Unique("ux_users_username")
            .WithColumn("email").AsString(320).Nullable().Unique("ux_users_email")
            .WithColumn("first_name").AsString(255).Nullable()
            .WithColumn("last_name").AsString(255).Nullable()
            .WithColumn("type").AsString(32).NotNullable()
            .WithColumn("origin").AsString(16).NotNullable()
            .WithColumn("status").AsString(16).NotNullable()
            .WithColumn("password_hash").AsString(256).Nullable()
            .WithColumn("password_temporary").AsBoolean().NotNullable()
            .WithColumn("is_super_admin").AsBoolean().NotNullable()
            .WithColumn("created_by").AsString(128).Nullable()
            .WithColumn("created_at_ms").AsInt64().NotNullable()
            .WithColumn("updated_at_ms").AsInt64().NotNullable()
            .WithColumn("version").AsInt32().NotNullable();
    }

    public override void Down() => Delete.Table("users");
}

[Migration(202611281002, "identity: login sessions and failed logins")]
[Tags(IdentityRegistration.Service)]
public sealed class CreateSessions : Migration
{
    public override void Up()
    {
        Create.Table("sessions")
            .WithColumn("id").AsString(64).PrimaryKey()
            .WithColumn("user_id").AsString(64).NotNullable().Indexed("ix_sessions_user")
            .WithColumn("access_hash").AsString(64).NotNullable().Unique("ux_sessions_access")
            .WithColumn("refresh_hash").AsString(64).NotNullable().Unique("ux_sessions_refresh")
            // The refresh token it replaced: presenting that one again means it leaked, and ends the session.
            .WithColumn("previous_refresh_hash").AsString(64).Nullable().Indexed("ix_sessions_previous_refresh")
            .WithColumn("access_expires_ms").AsInt64().NotNullable()
            .WithColumn("refresh_expires_ms").AsInt64().NotNullable().Indexed("ix_sessions_refresh_expiry")
            .WithColumn("created_at_ms").AsInt64().NotNullable()
            .WithColumn("client_ip").AsString(64).Nullable();

        Create.Table("login_failures")
            .WithColumn("id").AsString(64).PrimaryKey()
            .WithColumn("subject").AsString(200).NotNullable()
            .WithColumn("at_ms").AsInt64().NotNullable();
        Create.Index("ix_login_failures_subject").OnTable("login_failures")
            .OnColumn("subject").Ascending().OnColumn("at_ms").Ascending();
        Create.Index("ix_login_failures_at").OnTable("login_failures").OnColumn("at_ms");
    }

    public override void Down()
    {
        Delete.Table("login_failures");
        Delete.Table("sessions");
    }
}
