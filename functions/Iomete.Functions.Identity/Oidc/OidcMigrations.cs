using FluentMigrator;

namespace Iomete.Functions.Identity.Oidc;

[Migration(202611291040, "identity: OIDC provider clients, signing keys, authorization codes")]
[Tags(IdentityRegistration.Service)]
public sealed class CreateOidcProvider : Migration
{
    public override void Up()
    {
        Create.Table("oidc_clients")
            .WithColumn("client_id").AsString(64).PrimaryKey()
            .WithColumn("name").AsString(255).NotNullable()
            .WithColumn("secret_hash").AsString(64).NotNullable()
            .WithColumn("redirect_uris").AsString(8000).NotNullable()
            .WithColumn("scopes").AsString(1000).NotNullable()
            .WithColumn("created_by").AsString(128).Nullable()
            .WithColumn("created_at_ms").AsInt64().NotNullable()
            .WithColumn("updated_at_ms").AsInt64().NotNullable()
            .WithColumn("version").AsInt32().NotNullable();

        // The unique generation lets one replica win a rotation race; the newest generation signs.
        Create.Table("oidc_signing_keys")
            .WithColumn("kid").AsString(64).PrimaryKey()
            .WithColumn("generation").AsInt64().NotNullable().Unique("ux_oidc_signing_keys_generation")
            .WithColumn("public_jwk").AsString(2000).NotNullable()
            .WithColumn("private_key").AsString(2000).NotNullable()
            .WithColumn("created_at_ms").AsInt64().NotNullable();

        Create.Table("oidc_codes")
            .WithColumn("code_hash").AsString(64).PrimaryKey()
            .WithColumn("client_id").AsString(64).NotNullable()
            .WithColumn("redirect_uri").AsString(2000).NotNullable()
            .WithColumn("code_challenge").AsString(128).NotNullable()
            .WithColumn("nonce").AsString(512).Nullable()
            .WithColumn("scope").AsString(1000).NotNullable()
            .WithColumn("user_id").AsString(64).NotNullable()
            .WithColumn("expires_at_ms").AsInt64().NotNullable().Indexed("ix_oidc_codes_expiry");
    }

    public override void Down()
    {
        Delete.Table("oidc_codes");
        Delete.Table("oidc_signing_keys");
        Delete.Table("oidc_clients");
    }
}
