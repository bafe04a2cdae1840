using FluentMigrator;

namespace Iomete.Functions.Identity.Storage;

[Migration(202611281003, "identity: groups, members, sub-groups, admin roles")]
[Tags(IdentityRegistration.Service)]
public sealed class CreateGroups : Migration
{
    public override void Up()
    {
        Create.Table("user_groups")
            .WithColumn("id").AsString(64).PrimaryKey()
            .WithColumn("name").AsString(255).NotNullable().Unique("ux_user_groups_name")
            .WithColumn("description").AsString(2000).Nullable()
            .WithColumn("origin").AsString(16).NotNullable()
            .WithColumn("created_by").AsString(128).Nullable()
            .WithColumn("created_at_ms").AsInt64().NotNullable();

        Create.Table("group_members")
            .WithColumn("group_id").AsString(64).NotNullable().PrimaryKey("pk_group_members")
            .WithColumn("user_id").AsString(64).NotNullable().PrimaryKey("pk_group_members").Indexed("ix_group_members_user")
            .WithColumn("added_at_ms").AsInt64().NotNullable();

        Create.Table("group_subgroups")
            .WithColumn("parent_id").AsString(64).NotNullable().PrimaryKey("pk_group_subgroups")
            .WithColumn("child_id").AsString(64).NotNullable().PrimaryKey("pk_group_subgroups").Indexed("ix_group_subgroups_child")
            .WithColumn("added_at_ms").AsInt64().NotNullable();

        Create.Table("admin_role_assignments")
            .WithColumn("principal_type").AsString(8).NotNullable().PrimaryKey("pk_admin_role_assignments")
            .WithColumn("principal_id").AsString(64).NotNullable().PrimaryKey("pk_admin_role_assignments")
            .WithColumn("role").AsString(64).NotNullable().PrimaryKey("pk_admin_role_assignments");

        // One row whose update serializes changes to the group hierarchy on both engines,
        // so two concurrent sub-group additions cannot close a cycle together.
        Create.Table("identity_locks")
            .WithColumn("name").AsString(64).PrimaryKey()
            .WithColumn("version").AsInt64().NotNullable();
        Insert.IntoTable("identity_locks").Row(new { name = "group_hierarchy", version = 0L });
    }

    public override void Down()
    {
        Delete.Table("identity_locks");
        Delete.Table("admin_role_assignments");
        Delete.Table("group_subgroups");
        Delete.Table("group_members");
        Delete.Table("user_groups");
    }
}

[Migration(202611281004, "identity: access tokens")]
[Tags(IdentityRegistration.Service)]
public sealed class CreateAccessTokens : Migration
{
    public override void Up()
    {
        Create.Table("access_tokens")
            .WithColumn("id").AsString(64).PrimaryKey()
            .WithColumn("owner_id").AsString(64).NotNullable()
            .WithColumn("name").AsString(128).NotNullable()
            .WithColumn("token_hash").AsString(64).NotNullable().Unique("ux_access_tokens_hash")
            .WithColumn("status").AsString(16).NotNullable()
            .WithColumn("max_rps").AsInt32().Nullable()
            .WithColumn("expires_at_ms").AsInt64().Nullable()
            .WithColumn("created_by").AsString(128).Nullable()
            .WithColumn("created_at_ms").AsInt64().NotNullable()
            .WithColumn("last_used_ms").AsInt64().Nullable();
        Create.Index("ux_access_tokens_owner_name").OnTable("access_tokens")
            .OnColumn("owner_id").Ascending().OnColumn("name").Ascending().WithOptions().Unique();
    }

    public override void Down() => Delete.Table("access_tokens");
}
