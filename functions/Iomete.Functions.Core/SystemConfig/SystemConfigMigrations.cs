using FluentMigrator;

namespace Iomete.Functions.Core.SystemConfig;

[Migration(202611283001, "system config overrides")]
[Tags(CoreRegistration.Service)]
public sealed class CreateSystemConfig : Migration
{
    public override void Up()
    {
        Create.Table("system_config")
            .WithColumn("config_key").AsString(255).PrimaryKey()
            .WithColumn("config_value").AsCustom("TEXT").NotNullable()
            .WithColumn("updated_ms").AsInt64().NotNullable()
            .WithColumn("updated_by").AsString(256).Nullable();
    }

    public override void Down() => Delete.Table("system_config");
}
