using FluentMigrator;

namespace Iomete.Functions.Clusters.ImageAliases;

[Migration(202611280404, "docker tag aliases of domains")]
[Tags(ClustersRegistration.Service)]
public sealed class CreateDockerTagAliases : Migration
{
    public override void Up()
    {
        Create.Table("docker_tag_aliases")
            .WithColumn("domain_id").AsString(63).NotNullable().PrimaryKey()
            .WithColumn("alias").AsString(128).NotNullable().PrimaryKey()
            .WithColumn("tag_value").AsString(128).NotNullable()
            .WithColumn("created_by").AsString(255).NotNullable()
            .WithColumn("created_ms").AsInt64().NotNullable()
            .WithColumn("updated_by").AsString(255).NotNullable()
            .WithColumn("updated_ms").AsInt64().NotNullable();
    }

    public override void Down()
    {
        Delete.Table("docker_tag_aliases");
    }
}
