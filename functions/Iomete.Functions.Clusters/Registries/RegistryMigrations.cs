using FluentMigrator;

namespace Iomete.Functions.Clusters.Registries;

[Migration(202611280403, "docker registries")]
[Tags(ClustersRegistration.Service)]
public sealed class CreateDockerRegistries : Migration
{
    public override void Up()
    {
        Create.Table("docker_registries")
            .WithColumn("name").AsString(47).PrimaryKey()
            .WithColumn("host").AsString(255).NotNullable()
            .WithColumn("namespace").AsString(63).NotNullable()
            .WithColumn("username").AsString(255).NotNullable()
            .WithColumn("password_secret").AsString(int.MaxValue).NotNullable()
            .WithColumn("created_by").AsString(255).NotNullable()
            .WithColumn("created_ms").AsInt64().NotNullable()
            .WithColumn("updated_by").AsString(255).NotNullable()
            .WithColumn("updated_ms").AsInt64().NotNullable();
    }

    public override void Down()
    {
        Delete.Table("docker_registries");
    }
}
