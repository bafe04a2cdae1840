using FluentMigrator;

namespace Iomete.Functions.Identity.Domains;

[Migration(202611282001, "domains and their owners")]
[Tags(IdentityRegistration.Service)]
public sealed class CreateDomains : Migration
{
    public override void Up()
    {
        Create.Table("domains")
            .WithColumn("id").AsString(63).PrimaryKey()
            .WithColumn("name").AsString(255).NotNullable()
            .WithColumn("created_by").AsString(64).Nullable()
            .WithColumn("created_at_ms").AsInt64().NotNullable()
            .WithColumn("updated_at_ms").AsInt64().NotNullable()
            .WithColumn("version").AsInt64().NotNullable();

        Create.Table("domain_owners")
            .WithColumn("domain_id").AsString(63).NotNullable().PrimaryKey()
                .ForeignKey("fk_domain_owners_domain", "domains", "id").OnDelete(System.Data.Rule.Cascade)
            .WithColumn("actor_type").AsString(8).NotNullable().PrimaryKey()
            .WithColumn("actor_id").AsString(64).NotNullable().PrimaryKey()
            .WithColumn("position").AsInt32().NotNullable();
        Create.Index("ix_domain_owners_actor").OnTable("domain_owners").OnColumn("actor_id").Ascending();
    }

    public override void Down()
    {
        Delete.Table("domain_owners");
        Delete.Table("domains");
    }
}
