using FluentMigrator;

namespace Iomete.Functions.Clusters.Secrets;

[Migration(202611280402, "domain and global secrets")]
[Tags(ClustersRegistration.Service)]
public sealed class CreateSecrets : Migration
{
    public override void Up()
    {
        // scope: the domain id, or '' for the global store.
        Create.Table("secrets")
            .WithColumn("scope").AsString(63).NotNullable().PrimaryKey()
            .WithColumn("secret_key").AsString(253).NotNullable().PrimaryKey()
            .WithColumn("value_secret").AsString(int.MaxValue).NotNullable()
            .WithColumn("created_by").AsString(255).NotNullable()
            .WithColumn("created_ms").AsInt64().NotNullable()
            .WithColumn("updated_by").AsString(255).NotNullable()
            .WithColumn("updated_ms").AsInt64().NotNullable();
    }

    public override void Down()
    {
        Delete.Table("secrets");
    }
}
