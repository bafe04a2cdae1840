using FluentMigrator;

namespace Iomete.Functions.Clusters.Namespaces;

[Migration(202611280401, "namespace resource bundles")]
[Tags(ClustersRegistration.Service)]
public sealed class CreateNamespaceBundles : Migration
{
    public override void Up()
    {
        Create.Table("namespace_bundles")
            .WithColumn("namespace").AsString(63).PrimaryKey()
            .WithColumn("domain_id").AsString(63).NotNullable()
            .WithColumn("bundle_id").AsString(64).NotNullable()
            .WithColumn("mapped_by").AsString(255).NotNullable()
            .WithColumn("mapped_ms").AsInt64().NotNullable();
    }

    public override void Down()
    {
        Delete.Table("namespace_bundles");
    }
}
