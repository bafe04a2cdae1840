using FluentMigrator;

namespace Iomete.Functions.Identity.Scim;

[Migration(202611291030, "identity: SCIM external ids and group versions")]
[Tags(IdentityRegistration.Service)]
public sealed class CreateScimMeta : Migration
{
    public override void Up()
    {
        // What SCIM needs beside users and groups: the identity provider's externalId, and for groups (which have no
        // version column) the version and last change that make their ETag and meta.lastModified.
        Create.Table("scim_meta")
            .WithColumn("resource_id").AsString(64).PrimaryKey()
            .WithColumn("resource_type").AsString(16).NotNullable()
            .WithColumn("external_id").AsString(512).Nullable()
            .WithColumn("updated_at_ms").AsInt64().Nullable()
            .WithColumn("version").AsInt32().NotNullable();
    }

    public override void Down() => Delete.Table("scim_meta");
}
