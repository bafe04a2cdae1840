using FluentMigrator;

namespace Iomete.Functions.Core.SparkSettings;

[Migration(202611283004, "spark settings")]
[Tags(CoreRegistration.Service)]
public sealed class CreateSparkSettings : Migration
{
    public override void Up()
    {
        Create.Table("spark_settings")
            .WithColumn("scope").AsString(160).NotNullable().PrimaryKey("pk_spark_settings")
            .WithColumn("setting_key").AsString(512).NotNullable().PrimaryKey("pk_spark_settings")
            .WithColumn("position").AsInt32().NotNullable()
            .WithColumn("sensitive").AsBoolean().NotNullable()
            // Exactly one of the two holds the value: plain text, or AES-GCM ciphertext for sensitive settings.
            .WithColumn("plain_value").AsCustom("TEXT").Nullable()
            .WithColumn("secret_value").AsCustom("TEXT").Nullable()
            .WithColumn("updated_ms").AsInt64().NotNullable()
            .WithColumn("updated_by").AsString(256).Nullable();
    }

    public override void Down() => Delete.Table("spark_settings");
}
