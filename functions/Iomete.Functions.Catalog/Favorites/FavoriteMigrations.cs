using FluentMigrator;

namespace Iomete.Functions.Catalog.Favorites;

[Migration(202611291111, "catalog: favorites")]
[Tags(CatalogRegistration.Service)]
public sealed class CreateFavorites : Migration
{
    public override void Up()
    {
        Create.Table("catalog_favorites")
            .WithColumn("id").AsString(64).PrimaryKey()
            .WithColumn("domain_id").AsString(63).NotNullable()
            .WithColumn("user_id").AsString(64).NotNullable()
            .WithColumn("catalog").AsString(255).NotNullable()
            .WithColumn("database_name").AsString(255).NotNullable()
            .WithColumn("table_name").AsString(255).NotNullable()
            .WithColumn("created_ms").AsInt64().NotNullable();
        Create.Index("ux_catalog_favorites_key").OnTable("catalog_favorites")
            .OnColumn("domain_id").Ascending().OnColumn("user_id").Ascending().OnColumn("catalog").Ascending()
            .OnColumn("database_name").Ascending().OnColumn("table_name").Ascending().WithOptions().Unique();
    }

    public override void Down()
    {
        Delete.Table("catalog_favorites");
    }
}
