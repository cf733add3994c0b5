using GrantHub.Core.Applications;
using GrantHub.Core.Calls;
using GrantHub.Core.Organisations;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GrantHub.Core.Data;

internal sealed class ApplicationConfiguration : IEntityTypeConfiguration<Application>
{
    public void Configure(EntityTypeBuilder<Application> builder)
    {
        builder.Property(a => a.Title).HasMaxLength(300);
        builder.Property(a => a.Summary).HasMaxLength(10_000);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(32);
        builder.Property(a => a.Currency).HasColumnName(MoneyMapping.CurrencyColumn).HasMaxLength(3).IsFixedLength();
        builder.HasMoney(a => a.RequestedTotal);
        builder.Property(a => a.DecisionFeedback).HasMaxLength(10_000);
        builder.PrimitiveCollection(a => a.Pillars).StoredAsJsonNames();
        builder.PrimitiveCollection(a => a.Countries).StoredAsJsonStrings();
        builder.PrimitiveCollection(a => a.TargetGroups).StoredAsJsonNames();
        builder.Property(a => a.FiscalHostConsent).HasConversion<string>().HasMaxLength(16);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(a => a.FiscalHostOrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(a => a.GrantYears);
        builder.Ignore(a => a.Partners);
        builder.Ignore(a => a.ActiveOrganisationIds);
        builder.HasOne<Call>().WithMany().HasForeignKey(a => a.CallId);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(a => a.LeadOrganisationId);

        // One application per lead organisation per call; a withdrawn one frees the place for a fresh start.
        builder.HasIndex(a => new { a.CallId, a.LeadOrganisationId })
            .IsUnique()
            .HasFilter($"\"Status\" <> '{nameof(ApplicationStatus.Withdrawn)}'");
        builder.HasIndex(a => new { a.CallId, a.Status });
        // The officers' queue: submitted applications nobody reviews yet, oldest first.
        builder.HasIndex(a => new { a.Status, a.SubmittedAt });

        builder.OwnsMany(a => a.Members, member =>
        {
            member.ToTable("ApplicationMembers");
            member.WithOwner().HasForeignKey("ApplicationId");
            member.HasKey("ApplicationId", nameof(ApplicationMember.OrganisationId));
            member.Property(m => m.Role).HasConversion<string>().HasMaxLength(16);
            member.Property(m => m.Status).HasConversion<string>().HasMaxLength(16);
            member.HasOne<Organisation>().WithMany().HasForeignKey(m => m.OrganisationId);
            member.HasIndex(m => m.OrganisationId);
            // Read and written whole (a reset replaces the list), as a small JSON array.
            member.Property(m => m.ConfirmationResetBy).HasConversion(
                changes => JsonSerializer.Serialize(changes, (JsonSerializerOptions?)null),
                json => json == "" ? new List<BudgetYearChange>() : JsonSerializer.Deserialize<List<BudgetYearChange>>(json, (JsonSerializerOptions?)null)!,
                new ValueComparer<IReadOnlyList<BudgetYearChange>>(
                    (left, right) => left!.SequenceEqual(right!),
                    changes => changes.Aggregate(0, (hash, change) => HashCode.Combine(hash, change)),
                    changes => changes.ToList()));
        });
        builder.Navigation(a => a.Members).HasField("_members").UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.OwnsMany(a => a.BudgetLines, line =>
        {
            line.ToTable("ApplicationBudgetLines");
            line.WithOwner().HasForeignKey("ApplicationId");
            line.HasKey(l => l.Id);
            line.Property(l => l.Id).ValueGeneratedNever();
            line.Property<long>("amountMinorUnits").HasColumnName(nameof(BudgetLine.Amount));
            line.HasCurrencyField("currency");
            line.HasOne<Organisation>().WithMany().HasForeignKey(l => l.OrganisationId);
            line.HasIndex("ApplicationId", nameof(BudgetLine.OrganisationId), nameof(BudgetLine.Year)).IsUnique();
        });
        builder.Navigation(a => a.BudgetLines).HasField("_budgetLines").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
