using GrantHub.Core.Applications;
using GrantHub.Core.Calls;
using GrantHub.Core.Files;
using GrantHub.Core.Funds;
using GrantHub.Core.Grants;
using GrantHub.Core.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GrantHub.Core.Data;

internal sealed class GrantConfiguration : IEntityTypeConfiguration<Grant>
{
    public void Configure(EntityTypeBuilder<Grant> builder)
    {
        builder.Property(g => g.GrantNumber).HasMaxLength(20);
        builder.HasIndex(g => g.GrantNumber).IsUnique();
        builder.Property(g => g.Currency).HasColumnName(MoneyMapping.CurrencyColumn).HasMaxLength(3).IsFixedLength();
        builder.HasMoney(g => g.Amount);
        builder.Property(g => g.Status).HasConversion<string>().HasMaxLength(32);
        builder.Property(g => g.TerminationReason).IsEncrypted();
        builder.Ignore(g => g.Period);
        builder.Ignore(g => g.PaidTotal);
        builder.Ignore(g => g.LatestAgreementVersion);
        builder.Ignore(g => g.NextAgreementVersion);
        builder.Ignore(g => g.ConsortiumOrganisationIds);
        builder.Ignore(g => g.RequiredSignatures);
        builder.Ignore(g => g.FiscalHostFee);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(g => g.FiscalHostOrganisationId).OnDelete(DeleteBehavior.Restrict);

        // An application is awarded at most one grant.
        builder.HasOne<Application>().WithMany().HasForeignKey(g => g.ApplicationId);
        builder.HasIndex(g => g.ApplicationId).IsUnique();
        builder.HasOne<Call>().WithMany().HasForeignKey(g => g.CallId);
        builder.HasOne<Fund>().WithMany().HasForeignKey(g => g.FundId);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(g => g.LeadOrganisationId);
        builder.HasIndex(g => new { g.Status, g.AwardedAt });

        // Lists of tranches keep those of active grants: this index answers a grant's status without reading its row
        // on SQLite (on SQL Server the clustered primary key already does; the two providers keep one model).
        builder.HasIndex(g => new { g.Id, g.Status });

        builder.HasMany(g => g.Allocations).WithOne().HasForeignKey(a => a.GrantId);
        builder.HasMany(g => g.Tranches).WithOne().HasForeignKey(t => t.GrantId);
        builder.HasMany(g => g.Reports).WithOne().HasForeignKey(r => r.GrantId);
        builder.HasMany(g => g.Amendments).WithOne().HasForeignKey(a => a.GrantId);
        builder.HasMany(g => g.AgreementVersions).WithOne().HasForeignKey(v => v.GrantId);
        builder.HasMany(g => g.OnwardTransfers).WithOne().HasForeignKey(t => t.GrantId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(g => g.OnwardTransfers).HasField("_onwardTransfers").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(g => g.Allocations).HasField("_allocations").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(g => g.Tranches).HasField("_tranches").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(g => g.Reports).HasField("_reports").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(g => g.Amendments).HasField("_amendments").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(g => g.AgreementVersions).HasField("_agreementVersions").UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.ToTable(t => t.HasCheckConstraint("CK_Grants_AmountPositive", "\"Amount\" > 0"));
    }
}

internal sealed class GrantAllocationConfiguration : IEntityTypeConfiguration<GrantAllocation>
{
    public void Configure(EntityTypeBuilder<GrantAllocation> builder)
    {
        builder.HasKey(a => new { a.GrantId, a.OrganisationId });
        builder.HasMoney(a => a.Amount);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(a => a.OrganisationId);
        builder.HasIndex(a => a.OrganisationId);
    }
}

internal sealed class TrancheConfiguration : IEntityTypeConfiguration<Tranche>
{
    public void Configure(EntityTypeBuilder<Tranche> builder)
    {
        builder.ToTable("GrantTranches", t => t.HasCheckConstraint("CK_GrantTranches_AmountPositive", "\"Amount\" > 0"));
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.HasMoney(t => t.Amount);
        builder.HasIndex(t => new { t.GrantId, t.Number }).IsUnique();
        // The finance queue counts the tranches come due from this index alone, without reading a tranche's row.
        builder.HasIndex(t => new { t.Status, t.PlannedDate, t.Condition, t.AmendmentId, t.GrantId });
        builder.Property(t => t.Condition).HasConversion<string>().HasMaxLength(40);
        builder.Property(t => t.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(t => t.PaymentReference).IsEncrypted();
        builder.HasOne<GrantAmendment>().WithMany().HasForeignKey(t => t.AmendmentId);
        builder.Ignore(t => t.IsUnpaid);
        builder.Ignore(t => t.CurrentApprovals);
        builder.Ignore(t => t.AsReceived);
        builder.HasPaymentAsReceivedFields();
        builder.Ignore(t => t.ApprovalBasis);
        builder.Property<long?>("splitOfMinorUnits").HasColumnName("SplitOf");
        builder.HasOne<Organisation>().WithMany().HasForeignKey(t => t.PayeeOrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(t => t.Approvals).WithOne().HasForeignKey(a => a.TrancheId);
        builder.Navigation(t => t.Approvals).HasField("_approvals").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class OnwardTransferConfiguration : IEntityTypeConfiguration<OnwardTransfer>
{
    public void Configure(EntityTypeBuilder<OnwardTransfer> builder)
    {
        builder.ToTable("GrantOnwardTransfers", t => t.HasCheckConstraint("CK_GrantOnwardTransfers_AmountPositive", "\"Amount\" > 0"));
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.HasMoney(t => t.Amount);
        builder.Property(t => t.Reference).IsEncrypted();
        builder.Property(t => t.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(t => t.DisputeReason).IsEncrypted();
        builder.HasOne<Organisation>().WithMany().HasForeignKey(t => t.PartnerOrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(t => new { t.GrantId, t.TrancheNumber, t.PartnerOrganisationId });
    }
}

internal sealed class TrancheApprovalConfiguration : IEntityTypeConfiguration<TrancheApproval>
{
    public void Configure(EntityTypeBuilder<TrancheApproval> builder)
    {
        builder.ToTable("GrantTrancheApprovals");
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Decision).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.Comment).IsEncrypted();
        builder.HasIndex(a => new { a.TrancheId, a.Round, a.OfficerId });
    }
}

internal sealed class GrantReportConfiguration : IEntityTypeConfiguration<GrantReport>
{
    public void Configure(EntityTypeBuilder<GrantReport> builder)
    {
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.HasIndex(r => new { r.GrantId, r.PeriodYear }).IsUnique();
        builder.HasIndex(r => new { r.Status, r.DueOn });
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(32);
        builder.Property(r => r.Narrative).IsEncrypted();
        builder.Property(r => r.Achievements).IsEncrypted();
        builder.Property(r => r.Risks).IsEncrypted();
        builder.Property(r => r.ReviewComment).IsEncrypted();
        builder.Property(r => r.Form).HasConversion<string>().HasMaxLength(32);
        builder.Property(r => r.OtherDonorName).HasMaxLength(OtherDonorReport.MaxDonorNameLength);
        builder.Property(r => r.WaiverReason).IsEncrypted();
        builder.HasOne<StoredFile>().WithMany().HasForeignKey(r => r.FileId).OnDelete(DeleteBehavior.Restrict);
        builder.Property<long?>("spentToDateMinorUnits").HasColumnName(nameof(GrantReport.SpentToDate));
        builder.HasCurrencyField("currency");
        builder.Ignore(r => r.IsOpenForSubmission);
        builder.Ignore(r => r.IsDone);
    }
}

internal sealed class GrantAmendmentConfiguration : IEntityTypeConfiguration<GrantAmendment>
{
    public void Configure(EntityTypeBuilder<GrantAmendment> builder)
    {
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.HasIndex(a => new { a.GrantId, a.Number }).IsUnique();
        builder.Property(a => a.Kind).HasConversion<string>().HasMaxLength(32);
        builder.Property(a => a.Reason).HasMaxLength(2000);
        builder.Property<long?>("amountMinorUnits").HasColumnName(nameof(GrantAmendment.Amount));
        builder.HasCurrencyField("currency");
        builder.Ignore(a => a.IsInForce);
    }
}

internal sealed class AgreementVersionConfiguration : IEntityTypeConfiguration<AgreementVersion>
{
    public void Configure(EntityTypeBuilder<AgreementVersion> builder)
    {
        builder.ToTable("GrantAgreementVersions");
        builder.HasKey(v => new { v.GrantId, v.Version });
        builder.Property(v => v.Version).ValueGeneratedNever();
        builder.Property(v => v.Sha256).HasMaxLength(64).IsFixedLength();
        builder.Ignore(v => v.IsSigned);
        builder.HasMany(v => v.Signatures).WithOne().HasForeignKey(s => new { s.GrantId, s.Version });
        builder.Navigation(v => v.Signatures).HasField("_signatures").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class AgreementSignatureConfiguration : IEntityTypeConfiguration<AgreementSignature>
{
    public void Configure(EntityTypeBuilder<AgreementSignature> builder)
    {
        builder.ToTable("GrantAgreementSignatures");
        builder.Property(s => s.Party).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(s => new { s.GrantId, s.Version, s.Party, s.OrganisationId });
    }
}

internal sealed class GrantAgreementDocumentConfiguration : IEntityTypeConfiguration<GrantAgreementDocument>
{
    public void Configure(EntityTypeBuilder<GrantAgreementDocument> builder)
    {
        builder.ToTable("AgreementDocuments");
        builder.HasKey(d => new { d.GrantId, d.Version });
        builder.Property(d => d.Version).ValueGeneratedNever();
        builder.Property(d => d.Sha256).HasMaxLength(64).IsFixedLength();
        builder.HasOne<AgreementVersion>().WithOne().HasForeignKey<GrantAgreementDocument>(d => new { d.GrantId, d.Version });
    }
}

internal sealed class GrantNumberCounterConfiguration : IEntityTypeConfiguration<GrantNumberCounter>
{
    public void Configure(EntityTypeBuilder<GrantNumberCounter> builder)
    {
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.HasData(GrantNumberCounter.Seed());
    }
}
