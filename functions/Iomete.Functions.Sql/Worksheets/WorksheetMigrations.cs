using FluentMigrator;

namespace Iomete.Functions.Sql.Worksheets;

[Migration(202611285101, "sql workspaces, folders and worksheets")]
[Tags(SqlRegistration.Service)]
public sealed class CreateWorksheets : Migration
{
    public override void Up()
    {
        Create.Table("sql_workspaces")
            .WithColumn("id").AsString(64).PrimaryKey()
            .WithColumn("domain").AsString(63).NotNullable()
            .WithColumn("name").AsString(100).NotNullable().Unique("ux_sql_workspaces_name")
            .WithColumn("description").AsString(1000).Nullable()
            .WithColumn("bundle_id").AsString(64).NotNullable()
            .WithColumn("created_by").AsString(64).NotNullable()
            .WithColumn("created_ms").AsInt64().NotNullable();

        // workspace: "user:{userId}" (My Workspace), "shared", or "ws:{id}" (a custom workspace).
        Create.Table("sql_folders")
            .WithColumn("id").AsString(64).PrimaryKey()
            .WithColumn("domain").AsString(63).NotNullable()
            .WithColumn("workspace").AsString(80).NotNullable()
            .WithColumn("parent_id").AsString(64).Nullable()
            .WithColumn("name").AsString(100).NotNullable()
            .WithColumn("created_by").AsString(64).NotNullable()
            .WithColumn("created_ms").AsInt64().NotNullable();
        Create.Index("ix_sql_folders_workspace").OnTable("sql_folders").OnColumn("domain").Ascending().OnColumn("workspace").Ascending();

        Create.Table("sql_worksheets")
            .WithColumn("id").AsString(64).PrimaryKey()
            .WithColumn("domain").AsString(63).NotNullable()
            .WithColumn("workspace").AsString(80).NotNullable()
            .WithColumn("folder_id").AsString(64).Nullable()
            .WithColumn("name").AsString(100).NotNullable()
            .WithColumn("compute").AsString(255).Nullable()
            .WithColumn("catalog").AsString(255).Nullable()
            .WithColumn("database_name").AsString(255).Nullable()
            .WithColumn("variables").AsString(int.MaxValue).Nullable()
            .WithColumn("content_sha256").AsString(64).NotNullable()
            .WithColumn("content_size").AsInt64().NotNullable()
            .WithColumn("owner_id").AsString(64).NotNullable()
            .WithColumn("version").AsInt64().NotNullable()
            .WithColumn("created_ms").AsInt64().NotNullable()
            .WithColumn("updated_ms").AsInt64().NotNullable()
            .WithColumn("deleted_ms").AsInt64().Nullable()
            .WithColumn("deleted_by").AsString(64).Nullable();
        Create.Index("ix_sql_worksheets_workspace").OnTable("sql_worksheets").OnColumn("domain").Ascending().OnColumn("workspace").Ascending();
    }

    public override void Down()
    {
        Delete.Table("sql_worksheets");
        Delete.Table("sql_folders");
        Delete.Table("sql_workspaces");
    }
}
