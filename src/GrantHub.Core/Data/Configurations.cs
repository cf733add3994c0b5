using GrantHub.Core.Auditing;
using GrantHub.Core.Calls;
using GrantHub.Core.Funds;
using GrantHub.Core.Identity;
using GrantHub.Core.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GrantHub.Core.Data;

internal sealed class ApplicationUserConfiguration : IEntityTypeConfiguration<ApplicationUser>
{
    public void Configure(EntityTypeBuilder<ApplicationUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(200);
        builder.Property(u => u.PreferredCulture).HasMaxLength(ApplicationUser.MaxCultureLength);
    }
}

internal sealed class FundConfiguration : IEntityTypeConfiguration<Fund>
{
    public void Configure(EntityTypeBuilder<Fund> builder)
    {
        builder.Property(f => f.Name).HasMaxLength(200);
        builder.Property(f => f.Kind).HasConversion<string>().HasMaxLength(32);
        builder.Property(f => f.Currency).HasColumnName(MoneyMapping.CurrencyColumn).HasMaxLength(3).IsFixedLength();
        builder.HasMoney(f => f.Budget).HasMoney(f => f.Committed).HasMoney(f => f.Disbursed).HasMoney(f => f.ApprovalThreshold);
        builder.Ignore(f => f.Available);
        builder.ToTable(t =>
        {
            t.HasCheckConstraint("CK_Funds_CommittedWithinBudget", "\"Committed\" <= \"Budget\"");
            t.HasCheckConstraint("CK_Funds_DisbursedWithinCommitted", "\"Disbursed\" <= \"Committed\"");
            t.HasCheckConstraint("CK_Funds_NonNegative", "\"Disbursed\" >= 0 AND \"Budget\" >= 0");
        });
    }
}

internal sealed class FundTopUpConfiguration : IEntityTypeConfiguration<FundTopUp>
{
    public void Configure(EntityTypeBuilder<FundTopUp> builder)
    {
        builder.Property(t => t.Note).HasMaxLength(1000);
        builder.HasMoney(t => t.Amount);
        builder.HasOne<Fund>().WithMany().HasForeignKey(t => t.FundId);
        builder.HasIndex(t => t.FundId);
    }
}

internal sealed class CallConfiguration : IEntityTypeConfiguration<Call>
{
    public void Configure(EntityTypeBuilder<Call> builder)
    {
        builder.Property(c => c.Title).HasMaxLength(200);
        builder.Property(c => c.Description).HasMaxLength(20_000);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(32);
        builder.HasMoney(c => c.MinAmount).HasMoney(c => c.MaxAmount);
        builder.PrimitiveCollection(c => c.Pillars).StoredAsJsonNames();
        builder.PrimitiveCollection(c => c.EligibleCountries).StoredAsJsonStrings();
        builder.OwnsMany(c => c.Rubric, rubric => rubric.ToJson());
        builder.HasOne<Fund>().WithMany().HasForeignKey(c => c.FundId);
        builder.HasIndex(c => new { c.Status, c.ClosesAt });
        // The officers' queue: applications of closed calls waiting for a decision, longest-closed call first.
        builder.HasIndex(c => new { c.Status, c.ClosedAt });
    }
}

internal sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> builder)
    {
        builder.Property(o => o.Name).IsEncrypted();
        builder.Property<string?>(EncryptedColumns.OrganisationNameLookup).HasMaxLength(64).IsFixedLength();
        builder.HasIndex(EncryptedColumns.OrganisationNameLookup);
        builder.Property(o => o.Country).HasMaxLength(2).IsFixedLength();
        builder.Property(o => o.Type).HasConversion<string>().HasMaxLength(64);
        builder.Property(o => o.RegistrationNumber).IsEncrypted();
        builder.Property(o => o.Alias).HasMaxLength(Organisation.MaxAliasLength);
        builder.Property(o => o.DueDiligence).HasConversion<string>().HasMaxLength(32);
        builder.Property(o => o.DueDiligenceNote).IsEncrypted();
        builder.Property<long?>("annualBudgetUsdMinorUnits").HasColumnName("AnnualBudgetUsd");
        builder.HasMany(o => o.Members).WithOne().HasForeignKey(m => m.OrganisationId);
        builder.Navigation(o => o.Members).HasField("_members").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class OrganisationMemberConfiguration : IEntityTypeConfiguration<OrganisationMember>
{
    public void Configure(EntityTypeBuilder<OrganisationMember> builder)
    {
        builder.HasKey(m => new { m.OrganisationId, m.UserId });
        builder.Property(m => m.Role).HasConversion<string>().HasMaxLength(16);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(m => m.UserId);
        builder.HasIndex(m => m.UserId);
    }
}

internal sealed class OrganisationInvitationConfiguration : IEntityTypeConfiguration<OrganisationInvitation>
{
    public void Configure(EntityTypeBuilder<OrganisationInvitation> builder)
    {
        builder.Property(i => i.Email).HasMaxLength(OrganisationInvitation.MaxEmailLength);
        builder.Property(i => i.NormalizedEmail).HasMaxLength(OrganisationInvitation.MaxEmailLength);
        builder.Property(i => i.Role).HasConversion<string>().HasMaxLength(16);
        builder.Property(i => i.Status).HasConversion<string>().HasMaxLength(16);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(i => i.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(i => new { i.NormalizedEmail, i.Status });
        builder.HasIndex(i => new { i.OrganisationId, i.Status });
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.HasKey(a => a.Sequence);
        builder.Property(a => a.Sequence).ValueGeneratedNever();
        builder.Property(a => a.UserEmail).HasMaxLength(256);
        builder.Property(a => a.Command).HasMaxLength(200);
        builder.Property(a => a.PreviousHash).HasMaxLength(64).IsFixedLength();
        builder.Property(a => a.Hash).HasMaxLength(64).IsFixedLength();
        builder.HasIndex(a => a.ObjectId);
    }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<GrantHub.Core.Notifications.Notification>
{
    public void Configure(EntityTypeBuilder<GrantHub.Core.Notifications.Notification> builder)
    {
        builder.Property(n => n.Kind).HasMaxLength(64);
        builder.Property(n => n.Subject).HasMaxLength(300);
        builder.Property(n => n.Body).HasMaxLength(8000);
        builder.Property(n => n.Link).HasMaxLength(500);
        builder.Property(n => n.DeduplicationKey).HasMaxLength(300);
        builder.Property(n => n.Email).HasConversion<string>().HasMaxLength(16);
        builder.Property(n => n.EmailLastError).HasMaxLength(2000);
        builder.Property(n => n.EmailClaimedBy).IsConcurrencyToken();
        builder.HasIndex(n => n.DeduplicationKey).IsUnique();
        builder.HasIndex(n => new { n.RecipientUserId, n.ReadAt, n.CreatedAt });
        builder.HasIndex(n => new { n.Email, n.NextEmailAttemptAt });
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(n => n.RecipientUserId);
    }
}
