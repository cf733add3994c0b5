using GrantHub.Core.Emergency;
using GrantHub.Core.Funds;
using GrantHub.Core.Identity;
using GrantHub.Core.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GrantHub.Core.Data;

internal sealed class EmergencyRequestConfiguration : IEntityTypeConfiguration<EmergencyRequest>
{
    public void Configure(EntityTypeBuilder<EmergencyRequest> builder)
    {
        builder.Property(r => r.Currency).HasColumnName(MoneyMapping.CurrencyColumn).HasMaxLength(3).IsFixedLength();
        builder.HasMoney(r => r.Amount);
        builder.Property(r => r.Category).HasConversion<string>().HasMaxLength(32);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.Justification).IsEncrypted();
        builder.Property(r => r.RejectionReason).IsEncrypted();
        builder.Property(r => r.PaymentReference).IsEncrypted();
        builder.Property(r => r.ReleaseReason).IsEncrypted();
        builder.Ignore(r => r.AsReceived);
        builder.HasPaymentAsReceivedFields();
        builder.HasOne<Organisation>().WithMany().HasForeignKey(r => r.OrganisationId);
        builder.HasOne<Fund>().WithMany().HasForeignKey(r => r.FundId);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(r => r.RequestedBy);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(r => r.EnteredBy);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(r => r.PaidBy);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(r => r.ReleasedBy);
        builder.HasMany(r => r.Approvals).WithOne().HasForeignKey(a => a.EmergencyRequestId);
        builder.Navigation(r => r.Approvals).HasField("_approvals").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasIndex(r => new { r.Status, r.SubmittedAt });
        builder.HasIndex(r => new { r.OrganisationId, r.Status, r.DecidedAt });
        builder.HasIndex(r => new { r.FundId, r.SubmittedAt });
        builder.ToTable(t => t.HasCheckConstraint("CK_EmergencyRequests_AmountPositive", "\"Amount\" > 0"));
    }
}

internal sealed class EmergencyApprovalConfiguration : IEntityTypeConfiguration<EmergencyApproval>
{
    public void Configure(EntityTypeBuilder<EmergencyApproval> builder)
    {
        // Approvals are added through the request's collection: a client-set key must not read as an existing row.
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Decision).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.Comment).IsEncrypted();
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(a => a.FinanceOfficerId);

        // One decision per finance officer per request, whatever the concurrency.
        builder.HasIndex(a => new { a.EmergencyRequestId, a.FinanceOfficerId }).IsUnique();
    }
}
