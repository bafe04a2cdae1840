using FluentMigrator;

namespace Iomete.Functions.Core.Integrations;

[Migration(202611283005, "notification integrations: SMTP and webhooks")]
[Tags(CoreRegistration.Service)]
public sealed class CreateIntegrations : Migration
{
    public override void Up()
    {
        // A single global SMTP configuration: one row with id 'smtp'.
        Create.Table("email_settings")
            .WithColumn("id").AsString(16).PrimaryKey()
            .WithColumn("host").AsString(253).NotNullable()
            .WithColumn("port").AsInt32().NotNullable()
            .WithColumn("security").AsString(16).NotNullable()
            .WithColumn("require_auth").AsBoolean().NotNullable()
            .WithColumn("username").AsString(320).Nullable()
            .WithColumn("password_secret").AsCustom("TEXT").Nullable()
            .WithColumn("sender_email").AsString(320).NotNullable()
            .WithColumn("sender_name").AsString(256).Nullable()
            .WithColumn("updated_ms").AsInt64().NotNullable()
            .WithColumn("updated_by").AsString(256).Nullable();

        Create.Table("webhooks")
            .WithColumn("id").AsString(64).PrimaryKey()
            .WithColumn("name").AsString(128).NotNullable().Unique("ux_webhooks_name")
            .WithColumn("url").AsString(2048).NotNullable()
            .WithColumn("kind").AsString(16).NotNullable()
            .WithColumn("secret").AsCustom("TEXT").Nullable()
            .WithColumn("events").AsCustom("TEXT").NotNullable()
            .WithColumn("enabled").AsBoolean().NotNullable()
            .WithColumn("created_ms").AsInt64().NotNullable()
            .WithColumn("updated_ms").AsInt64().NotNullable();
    }

    public override void Down()
    {
        Delete.Table("webhooks");
        Delete.Table("email_settings");
    }
}
