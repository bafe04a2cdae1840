using FluentMigrator;

namespace Iomete.Functions.Identity.Bundles;

[Migration(202611282002, "resource bundles, their member permissions and assets")]
[Tags(IdentityRegistration.Service)]
public sealed class CreateBundles : Migration
{
    public override void Up()
    {
        Create.Table("bundles")
            .WithColumn("id").AsString(64).PrimaryKey()
            .WithColumn("domain_id").AsString(63).NotNullable()
                .ForeignKey("fk_bundles_domain", "domains", "id").OnDelete(System.Data.Rule.Cascade)
            .WithColumn("name").AsString(255).NotNullable()
            .WithColumn("description").AsString(2048).Nullable()
            .WithColumn("bundle_type").AsString(16).NotNullable()
            .WithColumn("owner_type").AsString(8).NotNullable()
            .WithColumn("owner_id").AsString(64).NotNullable().Indexed("ix_bundles_owner")
            .WithColumn("archived").AsBoolean().NotNullable()
            .WithColumn("created_by").AsString(64).Nullable()
            .WithColumn("created_at_ms").AsInt64().NotNullable()
            .WithColumn("updated_at_ms").AsInt64().NotNullable()
            .WithColumn("version").AsInt64().NotNullable();
        // One DOMAIN bundle per domain (its name is fixed) and unique resource-bundle names.
        Create.Index("ux_bundles_domain_type_name").OnTable("bundles")
            .OnColumn("domain_id").Ascending().OnColumn("bundle_type").Ascending().OnColumn("name").Ascending()
            .WithOptions().Unique();

        Create.Table("bundle_permissions")
            .WithColumn("bundle_id").AsString(64).NotNullable().PrimaryKey()
                .ForeignKey("fk_bundle_permissions_bundle", "bundles", "id").OnDelete(System.Data.Rule.Cascade)
            .WithColumn("actor_type").AsString(8).NotNullable().PrimaryKey()
            .WithColumn("actor_id").AsString(64).NotNullable().PrimaryKey()
            .WithColumn("asset_type").AsString(32).NotNullable().PrimaryKey()
            .WithColumn("permission").AsString(64).NotNullable().PrimaryKey();
        Create.Index("ix_bundle_permissions_actor").OnTable("bundle_permissions")
            .OnColumn("actor_id").Ascending().OnColumn("bundle_id").Ascending();

        Create.Table("bundle_assets")
            .WithColumn("asset_type").AsString(32).NotNullable().PrimaryKey()
            .WithColumn("asset_id").AsString(256).NotNullable().PrimaryKey()
            .WithColumn("bundle_id").AsString(64).NotNullable().Indexed("ix_bundle_assets_bundle")
                .ForeignKey("fk_bundle_assets_bundle", "bundles", "id")
            .WithColumn("added_by").AsString(64).Nullable()
            .WithColumn("added_at_ms").AsInt64().NotNullable();
    }

    public override void Down()
    {
        Delete.Table("bundle_assets");
        Delete.Table("bundle_permissions");
        Delete.Table("bundles");
    }
}
