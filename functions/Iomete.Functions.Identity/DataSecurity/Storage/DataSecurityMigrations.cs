using FluentMigrator;
using Iomete.Functions.Identity.DataSecurity.Policies;

namespace Iomete.Functions.Identity.DataSecurity.Storage;

[Migration(202611291001, "identity: data-security policies, roles, resource tags and the policy-set version")]
[Tags(IdentityRegistration.Service)]
public sealed class CreateDataPolicies : Migration
{
    public override void Up()
    {
        Create.Table("data_policies")
            .WithColumn("id").AsInt64().PrimaryKey().Identity()
            .WithColumn("kind").AsString(16).NotNullable()
            .WithColumn("service").AsString(32).NotNullable()
            .WithColumn("name").AsString(255).NotNullable()
            .WithColumn("enabled").AsBoolean().NotNullable()
            .WithColumn("priority").AsInt32().NotNullable()
            .WithColumn("domain").AsString(64).Nullable()
            .WithColumn("version").AsInt64().NotNullable()
            .WithColumn("body").AsString(int.MaxValue).NotNullable()
            .WithColumn("created_by").AsString(128).Nullable()
            .WithColumn("created_at_ms").AsInt64().NotNullable()
            .WithColumn("updated_by").AsString(128).Nullable()
            .WithColumn("updated_at_ms").AsInt64().NotNullable();
        Create.Index("ux_data_policies_service_name").OnTable("data_policies")
            .OnColumn("service").Ascending().OnColumn("name").Ascending().WithOptions().Unique();
        Create.Index("ix_data_policies_kind_domain").OnTable("data_policies")
            .OnColumn("kind").Ascending().OnColumn("domain").Ascending();

        Create.Table("data_roles")
            .WithColumn("id").AsInt64().PrimaryKey().Identity()
            .WithColumn("name").AsString(255).NotNullable().Unique("ux_data_roles_name")
            .WithColumn("version").AsInt64().NotNullable()
            .WithColumn("body").AsString(int.MaxValue).NotNullable()
            .WithColumn("created_by").AsString(128).Nullable()
            .WithColumn("created_at_ms").AsInt64().NotNullable()
            .WithColumn("updated_by").AsString(128).Nullable()
            .WithColumn("updated_at_ms").AsInt64().NotNullable();

        Create.Table("data_resource_tags")
            .WithColumn("catalog").AsString(255).NotNullable().PrimaryKey("pk_data_resource_tags")
            .WithColumn("database_name").AsString(255).NotNullable().PrimaryKey("pk_data_resource_tags")
            .WithColumn("table_name").AsString(255).NotNullable().PrimaryKey("pk_data_resource_tags")
            // '' for a table-level assignment, so that the key has no NULL in it.
            .WithColumn("column_name").AsString(255).NotNullable().PrimaryKey("pk_data_resource_tags")
            .WithColumn("tags").AsString(4000).NotNullable()
            .WithColumn("updated_by").AsString(128).Nullable()
            .WithColumn("updated_at_ms").AsInt64().NotNullable();

        // One row; every change to policies, roles or tags bumps it in the same transaction.
        Create.Table("data_policy_set")
            .WithColumn("name").AsString(32).PrimaryKey()
            .WithColumn("version").AsInt64().NotNullable();
        Insert.IntoTable("data_policy_set").Row(new { name = "policies", version = 1L });
    }

    public override void Down()
    {
        Delete.Table("data_policy_set");
        Delete.Table("data_resource_tags");
        Delete.Table("data_roles");
        Delete.Table("data_policies");
    }
}

[Migration(202611291002, "identity: data-access audit")]
[Tags(IdentityRegistration.Service)]
public sealed class CreateDataAccessAudit : Migration
{
    public override void Up()
    {
        Create.Table("data_access_audit")
            .WithColumn("id").AsString(64).PrimaryKey()
            .WithColumn("event_time_ms").AsInt64().NotNullable().Indexed("ix_data_access_audit_time")
            .WithColumn("user_name").AsString(255).NotNullable()
            .WithColumn("client_ip").AsString(64).Nullable()
            .WithColumn("enforcer").AsString(64).NotNullable()
            .WithColumn("repository").AsString(64).NotNullable()
            .WithColumn("resource").AsString(1024).NotNullable()
            .WithColumn("resource_type").AsString(32).NotNullable()
            .WithColumn("access_type").AsString(64).NotNullable()
            .WithColumn("action").AsString(128).Nullable()
            .WithColumn("allowed").AsBoolean().NotNullable()
            .WithColumn("policy_id").AsInt64().Nullable()
            .WithColumn("policy_version").AsInt64().Nullable()
            .WithColumn("reason").AsString(1024).Nullable()
            .WithColumn("session_id").AsString(128).Nullable()
            .WithColumn("tags").AsString(2000).Nullable();
        Create.Index("ix_data_access_audit_user_time").OnTable("data_access_audit")
            .OnColumn("user_name").Ascending().OnColumn("event_time_ms").Descending();
    }

    public override void Down() => Delete.Table("data_access_audit");
}

[Migration(202611291003, "identity: default data-security policies")]
[Tags(IdentityRegistration.Service)]
public sealed class SeedDefaultDataPolicies : Migration
{
    public override void Up()
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        foreach (var policy in DefaultPolicies.All)
        {
            Insert.IntoTable("data_policies").Row(new
            {
                kind = PolicyKind.Access.Name(),
                service = policy.Service,
                name = policy.Name,
                enabled = true,
                priority = policy.PolicyPriority,
                version = 1L,
                body = DataPolicyStore.Serialize(policy),
                created_by = "system",
                created_at_ms = now,
                updated_by = "system",
                updated_at_ms = now,
            });
        }
        Update.Table("data_policy_set").Set(new { version = 2L }).Where(new { name = "policies" });
    }

    public override void Down()
    {
        foreach (var policy in DefaultPolicies.All)
        {
            Delete.FromTable("data_policies").Row(new { service = policy.Service, name = policy.Name });
        }
    }
}
