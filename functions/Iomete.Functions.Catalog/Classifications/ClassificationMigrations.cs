using FluentMigrator;

namespace Iomete.Functions.Catalog.Classifications;

[Migration(202611291112, "catalog: classification tags, their assignments and requests")]
[Tags(CatalogRegistration.Service)]
public sealed class CreateClassifications : Migration
{
    public override void Up()
    {
        Create.Table("classification_tags")
            .WithColumn("id").AsString(64).PrimaryKey()
            .WithColumn("name").AsString(128).NotNullable()
            .WithColumn("name_key").AsString(128).NotNullable().Unique("ux_classification_tags_name")
            .WithColumn("description").AsString(2000).Nullable()
            .WithColumn("created_by").AsString(64).NotNullable()
            .WithColumn("created_ms").AsInt64().NotNullable()
            .WithColumn("updated_ms").AsInt64().NotNullable()
            .WithColumn("version").AsInt64().NotNullable();

        // column_name is '' for a tag on the table itself.
        Create.Table("classification_assignments")
            .WithColumn("tag_id").AsString(64).NotNullable().PrimaryKey("pk_classification_assignments")
            .WithColumn("catalog").AsString(255).NotNullable().PrimaryKey("pk_classification_assignments")
            .WithColumn("database_name").AsString(255).NotNullable().PrimaryKey("pk_classification_assignments")
            .WithColumn("table_name").AsString(255).NotNullable().PrimaryKey("pk_classification_assignments")
            .WithColumn("column_name").AsString(255).NotNullable().PrimaryKey("pk_classification_assignments")
            .WithColumn("request_id").AsString(64).Nullable()
            .WithColumn("assigned_by").AsString(64).Nullable()
            .WithColumn("assigned_ms").AsInt64().NotNullable();
        Create.Index("ix_classification_assignments_table").OnTable("classification_assignments")
            .OnColumn("catalog").Ascending().OnColumn("database_name").Ascending().OnColumn("table_name").Ascending();

        Create.Table("classification_requests")
            .WithColumn("id").AsString(64).PrimaryKey()
            .WithColumn("request_type").AsString(8).NotNullable()
            .WithColumn("tag_id").AsString(64).NotNullable()
            .WithColumn("tag_name").AsString(128).NotNullable()
            .WithColumn("catalog").AsString(255).NotNullable()
            .WithColumn("database_name").AsString(255).NotNullable()
            .WithColumn("table_name").AsString(255).NotNullable()
            .WithColumn("column_name").AsString(255).NotNullable()
            .WithColumn("record_key").AsString(1024).NotNullable()
            .WithColumn("justification").AsString(2000).Nullable()
            .WithColumn("status").AsString(16).NotNullable()
            .WithColumn("comment").AsString(2000).Nullable()
            // Set while IN_REVIEW, NULL once closed: the unique index refuses a second pending request for the same change.
            .WithColumn("pending_key").AsString(1200).Nullable().Unique("ux_classification_requests_pending")
            .WithColumn("requested_by").AsString(64).NotNullable()
            .WithColumn("domain_id").AsString(63).NotNullable()
            .WithColumn("reviewed_by").AsString(64).Nullable()
            .WithColumn("created_ms").AsInt64().NotNullable()
            .WithColumn("updated_ms").AsInt64().NotNullable()
            .WithColumn("closed_ms").AsInt64().Nullable()
            .WithColumn("version").AsInt64().NotNullable();
        Create.Index("ix_classification_requests_table").OnTable("classification_requests")
            .OnColumn("catalog").Ascending().OnColumn("database_name").Ascending().OnColumn("table_name").Ascending();
        Create.Index("ix_classification_requests_domain").OnTable("classification_requests").OnColumn("domain_id").Ascending();
    }

    public override void Down()
    {
        Delete.Table("classification_requests");
        Delete.Table("classification_assignments");
        Delete.Table("classification_tags");
    }
}
