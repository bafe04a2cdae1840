using FluentMigrator;

namespace Iomete.Functions.Catalog.Index;

/// <summary>
/// The search index's tables. <c>seq</c> is the change sequence: every change of a row takes the next value of
/// <c>catalog_index_state.seq</c> in its transaction, so replicas apply changes in commit order; <c>generation</c> moves
/// when rows are removed (stale entries expired), which makes replicas reload everything.
/// </summary>
[Migration(202611291100, "catalog index")]
[Tags(CatalogRegistration.Service)]
public sealed class CreateCatalogIndex : Migration
{
    public override void Up()
    {
        Create.Table("catalog_index_state")
            .WithColumn("id").AsInt32().PrimaryKey()
            .WithColumn("seq").AsInt64().NotNullable()
            .WithColumn("generation").AsInt64().NotNullable()
            .WithColumn("last_full_sync_ms").AsInt64().NotNullable();
        Insert.IntoTable("catalog_index_state").Row(new { id = 1, seq = 0L, generation = 0L, last_full_sync_ms = 0L });

        Create.Table("catalog_index_catalogs")
            .WithColumn("name").AsString(255).PrimaryKey()
            .WithColumn("type").AsString(64).NotNullable()
            .WithColumn("location").AsString(2048).Nullable()
            .WithColumn("synced_ms").AsInt64().NotNullable()
            .WithColumn("deleted").AsBoolean().NotNullable()
            .WithColumn("deleted_ms").AsInt64().Nullable()
            .WithColumn("seq").AsInt64().NotNullable();

        Create.Table("catalog_index_databases")
            .WithColumn("catalog").AsString(255).PrimaryKey()
            .WithColumn("name").AsString(1024).PrimaryKey()
            .WithColumn("description").AsString(int.MaxValue).Nullable()
            .WithColumn("location").AsString(2048).Nullable()
            .WithColumn("owner").AsString(255).Nullable()
            .WithColumn("synced_ms").AsInt64().NotNullable()
            .WithColumn("deleted").AsBoolean().NotNullable()
            .WithColumn("deleted_ms").AsInt64().Nullable()
            .WithColumn("seq").AsInt64().NotNullable();

        Create.Table("catalog_index_tables")
            .WithColumn("id").AsString(64).PrimaryKey()
            .WithColumn("catalog").AsString(255).NotNullable()
            .WithColumn("database_name").AsString(1024).NotNullable()
            .WithColumn("name").AsString(255).NotNullable()
            .WithColumn("type").AsString(16).NotNullable()
            .WithColumn("provider").AsString(32).NotNullable()
            .WithColumn("location").AsString(2048).Nullable()
            .WithColumn("metadata_location").AsString(2048).Nullable()
            .WithColumn("owner").AsString(255).Nullable()
            .WithColumn("description").AsString(int.MaxValue).Nullable()
            .WithColumn("row_count").AsInt64().Nullable()
            .WithColumn("file_count").AsInt64().Nullable()
            .WithColumn("size_bytes").AsInt64().Nullable()
            .WithColumn("created_ms").AsInt64().Nullable()
            .WithColumn("modified_ms").AsInt64().NotNullable()
            .WithColumn("synced_ms").AsInt64().NotNullable()
            .WithColumn("deleted").AsBoolean().NotNullable()
            .WithColumn("deleted_ms").AsInt64().Nullable()
            .WithColumn("annotations").AsString(int.MaxValue).Nullable()
            .WithColumn("seq").AsInt64().NotNullable();
        Create.Index("ux_catalog_index_tables_name").OnTable("catalog_index_tables")
            .OnColumn("catalog").Ascending().OnColumn("database_name").Ascending().OnColumn("name").Ascending().WithOptions().Unique();
        Create.Index("ix_catalog_index_tables_seq").OnTable("catalog_index_tables").OnColumn("seq").Ascending();

        Create.Table("catalog_index_columns")
            .WithColumn("table_id").AsString(64).PrimaryKey()
            .WithColumn("position").AsInt32().PrimaryKey()
            .WithColumn("name").AsString(1024).NotNullable()
            .WithColumn("data_type").AsString(int.MaxValue).NotNullable()
            .WithColumn("description").AsString(int.MaxValue).Nullable()
            .WithColumn("partition_key").AsBoolean().NotNullable();
    }

    public override void Down()
    {
        Delete.Table("catalog_index_columns");
        Delete.Table("catalog_index_tables");
        Delete.Table("catalog_index_databases");
        Delete.Table("catalog_index_catalogs");
        Delete.Table("catalog_index_state");
    }
}
