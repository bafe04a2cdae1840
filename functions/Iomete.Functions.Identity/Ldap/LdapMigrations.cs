using FluentMigrator;

namespace Iomete.Functions.Identity.Ldap;

[Migration(202611291020, "identity: LDAP configuration and sync state")]
[Tags(IdentityRegistration.Service)]
public sealed class CreateLdapTables : Migration
{
    public override void Up()
    {
        // One row ('default'): the platform has a single LDAP configuration.
        Create.Table("ldap_config")
            .WithColumn("id").AsString(16).PrimaryKey()
            .WithColumn("settings_json").AsCustom("TEXT").NotNullable()
            .WithColumn("bind_credential").AsString(2000).Nullable()
            .WithColumn("updated_by").AsString(128).Nullable()
            .WithColumn("updated_at_ms").AsInt64().NotNullable()
            .WithColumn("version").AsInt32().NotNullable();

        // One row: the lease that lets one replica run a sync at a time, the next periodic run and the last run's outcome.
        Create.Table("ldap_sync_state")
            .WithColumn("id").AsString(16).PrimaryKey()
            .WithColumn("lease_owner").AsString(64).Nullable()
            .WithColumn("lease_until_ms").AsInt64().Nullable()
            .WithColumn("next_run_ms").AsInt64().Nullable()
            .WithColumn("last_started_ms").AsInt64().Nullable()
            .WithColumn("last_finished_ms").AsInt64().Nullable()
            .WithColumn("last_trigger").AsString(16).Nullable()
            .WithColumn("last_outcome").AsString(16).Nullable()
            .WithColumn("last_counts_json").AsCustom("TEXT").Nullable()
            .WithColumn("last_error").AsCustom("TEXT").Nullable();
        Insert.IntoTable("ldap_sync_state").Row(new { id = "default" });

        // Users the sync disabled because LDAP no longer had them: only these are restored when they come back,
        // so a user an admin disabled stays disabled.
        Create.Table("ldap_sync_disabled")
            .WithColumn("user_id").AsString(64).PrimaryKey()
            .WithColumn("disabled_at_ms").AsInt64().NotNullable();
    }

    public override void Down()
    {
        Delete.Table("ldap_sync_disabled");
        Delete.Table("ldap_sync_state");
        Delete.Table("ldap_config");
    }
}
