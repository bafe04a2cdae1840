using FluentMigrator;

namespace Iomete.Functions.Clusters.Jupyter;

[Migration(202611280501, "jupyter containers")]
[Tags(ClustersRegistration.Service)]
public sealed class CreateJupyterContainers : Migration
{
    public override void Up()
    {
        Create.Table("jupyter_containers")
            .WithColumn("id").AsString(64).PrimaryKey()
            .WithColumn("domain_id").AsString(63).NotNullable()
            .WithColumn("name").AsString(63).NotNullable()
            .WithColumn("namespace").AsString(63).NotNullable()
            .WithColumn("bundle_id").AsString(64).NotNullable()
            .WithColumn("node_type").AsString(255).NotNullable()
            .WithColumn("volume_id").AsString(255).Nullable()
            .WithColumn("config").AsString(int.MaxValue).NotNullable()
            .WithColumn("tags").AsString(int.MaxValue).NotNullable()
            .WithColumn("status").AsString(16).NotNullable()
            .WithColumn("status_message").AsString(int.MaxValue).Nullable()
            .WithColumn("created_by").AsString(64).NotNullable()
            .WithColumn("created_ms").AsInt64().NotNullable()
            .WithColumn("updated_ms").AsInt64().NotNullable()
            .WithColumn("version").AsInt64().NotNullable();
        Create.Index("ux_jupyter_containers_namespace_name").OnTable("jupyter_containers")
            .OnColumn("namespace").Ascending().OnColumn("name").Ascending().WithOptions().Unique();
        Create.Index("ix_jupyter_containers_domain").OnTable("jupyter_containers").OnColumn("domain_id").Ascending();
    }

    public override void Down() => Delete.Table("jupyter_containers");
}
