using FluentMigrator;

namespace Iomete.Functions.Identity.Sso;

[Migration(202611291041, "identity: SSO through an external OIDC provider")]
[Tags(IdentityRegistration.Service)]
public sealed class CreateSso : Migration
{
    public override void Up()
    {
        Create.Table("sso_oidc_config")
            .WithColumn("id").AsString(16).PrimaryKey()
            .WithColumn("issuer_url").AsString(2000).NotNullable()
            .WithColumn("client_id").AsString(512).NotNullable()
            .WithColumn("client_secret").AsString(4000).NotNullable()
            .WithColumn("scopes").AsString(1000).NotNullable()
            .WithColumn("claims").AsString(2000).NotNullable()
            .WithColumn("allowed_algorithms").AsString(500).NotNullable()
            .WithColumn("enabled").AsBoolean().NotNullable()
            .WithColumn("updated_by").AsString(128).Nullable()
            .WithColumn("updated_at_ms").AsInt64().NotNullable()
            .WithColumn("version").AsInt32().NotNullable();

        Create.Table("sso_states")
            .WithColumn("state_hash").AsString(64).PrimaryKey()
            .WithColumn("browser_hash").AsString(64).NotNullable()
            .WithColumn("nonce").AsString(128).NotNullable()
            .WithColumn("code_verifier").AsString(128).NotNullable()
            .WithColumn("redirect").AsString(2000).NotNullable()
            .WithColumn("config_version").AsInt32().NotNullable()
            .WithColumn("expires_at_ms").AsInt64().NotNullable().Indexed("ix_sso_states_expiry");

        Create.Table("sso_codes")
            .WithColumn("code_hash").AsString(64).PrimaryKey()
            .WithColumn("user_id").AsString(64).NotNullable()
            .WithColumn("expires_at_ms").AsInt64().NotNullable().Indexed("ix_sso_codes_expiry");
    }

    public override void Down()
    {
        Delete.Table("sso_codes");
        Delete.Table("sso_states");
        Delete.Table("sso_oidc_config");
    }
}
