using FluentMigrator;

namespace Iomete.Functions.Catalog.Annotations;

[Migration(202611291110, "catalog: table owners, documentation and column descriptions")]
[Tags(CatalogRegistration.Service)]
public sealed class CreateTableAnnotations : Migration
{
    public override void Up()
    {
        Create.Table("catalog_table_annotations")
            .WithColumn("catalog").AsString(255).NotNullable().PrimaryKey("pk_catalog_table_annotations")
            .WithColumn("database_name").AsString(255).NotNullable().PrimaryKey("pk_catalog_table_annotations")
            .WithColumn("table_name").AsString(255).NotNullable().PrimaryKey("pk_catalog_table_annotations")
            .WithColumn("description").AsString(int.MaxValue).Nullable()
            .WithColumn("owners").AsString(int.MaxValue).NotNullable()
            .WithColumn("updated_by").AsString(64).Nullable()
            .WithColumn("updated_ms").AsInt64().NotNullable();
        Create.Table("catalog_column_annotations")
            .WithColumn("catalog").AsString(255).NotNullable().PrimaryKey("pk_catalog_column_annotations")
            .WithColumn("database_name").AsString(255).NotNullable().PrimaryKey("pk_catalog_column_annotations")
            .WithColumn("table_name").AsString(255).NotNullable().PrimaryKey("pk_catalog_column_annotations")
            .WithColumn("column_name").AsString(255).NotNullable().PrimaryKey("pk_catalog_column_annotations")
            .WithColumn("description").AsString(int.MaxValue).NotNullable()
            .WithColumn("updated_by").AsString(64).Nullable()
            .WithColumn("updated_ms").AsInt64().NotNullable();
    }

    public override void Down()
    {
        Delete.Table("catalog_column_annotations");
        Delete.Table("catalog_table_annotations");
    }
}
