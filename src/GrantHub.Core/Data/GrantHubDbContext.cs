using GrantHub.Core.Applications;
using GrantHub.Core.Auditing;
using GrantHub.Core.Calls;
using GrantHub.Core.Common;
using GrantHub.Core.Emergency;
using GrantHub.Core.Files;
using GrantHub.Core.Funds;
using GrantHub.Core.Grants;
using GrantHub.Core.Idempotency;
using GrantHub.Core.Identity;
using GrantHub.Core.Notifications;
using GrantHub.Core.Organisations;
using GrantHub.Core.Reviews;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace GrantHub.Core.Data;

public class GrantHubDbContext(DbContextOptions<GrantHubDbContext> options)
    : IdentityDbContext<ApplicationUser, IdentityRole<Guid>, Guid>(options), IDataProtectionKeyContext
{
    public const string SqliteProviderName = "Microsoft.EntityFrameworkCore.Sqlite";

    public DbSet<Fund> Funds => Set<Fund>();
    public DbSet<FundTopUp> FundTopUps => Set<FundTopUp>();
    public DbSet<Call> Calls => Set<Call>();
    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<OrganisationMember> OrganisationMembers => Set<OrganisationMember>();
    public DbSet<OrganisationInvitation> OrganisationInvitations => Set<OrganisationInvitation>();
    public DbSet<Application> Applications => Set<Application>();
    public DbSet<ReviewAssignment> ReviewAssignments => Set<ReviewAssignment>();
    public DbSet<Grant> Grants => Set<Grant>();
    public DbSet<GrantAllocation> GrantAllocations => Set<GrantAllocation>();
    public DbSet<Tranche> Tranches => Set<Tranche>();
    public DbSet<TrancheApproval> TrancheApprovals => Set<TrancheApproval>();
    public DbSet<OnwardTransfer> OnwardTransfers => Set<OnwardTransfer>();
    public DbSet<GrantReport> GrantReports => Set<GrantReport>();
    public DbSet<GrantAmendment> GrantAmendments => Set<GrantAmendment>();
    public DbSet<AgreementVersion> AgreementVersions => Set<AgreementVersion>();
    public DbSet<AgreementSignature> AgreementSignatures => Set<AgreementSignature>();
    public DbSet<GrantAgreementDocument> AgreementDocuments => Set<GrantAgreementDocument>();
    public DbSet<GrantNumberCounter> GrantNumberCounters => Set<GrantNumberCounter>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<EmergencyRequest> EmergencyRequests => Set<EmergencyRequest>();
    public DbSet<EmergencyApproval> EmergencyApprovals => Set<EmergencyApproval>();
    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();
    public DbSet<StoredFile> StoredFiles => Set<StoredFile>();
    public DbSet<StoredFileContent> StoredFileContents => Set<StoredFileContent>();
    public DbSet<InformationRequest> InformationRequests => Set<InformationRequest>();
    public DbSet<EmergencyLightReport> EmergencyLightReports => Set<EmergencyLightReport>();

    public bool IsSqlite => Database.ProviderName == SqliteProviderName;

    /// <summary>Encrypts the columns marked <see cref="EncryptedColumns.IsEncrypted"/>; its keys never live in this database.</summary>
    public FieldCipher Cipher { get; } = FieldCipherOptions.FieldCipherOf(options);

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        BumpVersions();
        NormaliseInstants();
        HashOrganisationNames();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        BumpVersions();
        NormaliseInstants();
        HashOrganisationNames();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        if (IsSqlite)
        {
            // SQLite stores DateTimeOffset as text and cannot compare or order it in SQL.
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(GrantHubDbContext).Assembly);
        EncryptedColumns.Apply(builder, Cipher);

        foreach (var entityType in builder.Model.GetEntityTypes().Where(t => typeof(IVersioned).IsAssignableFrom(t.ClrType)))
        {
            builder.Entity(entityType.ClrType).Property(nameof(IVersioned.Version)).IsConcurrencyToken();
        }

        // Financial and historical records are never removed by a cascade.
        foreach (var foreignKey in builder.Model.GetEntityTypes()
                     .Where(t => !t.ClrType.Namespace!.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal))
                     .SelectMany(t => t.GetForeignKeys())
                     .Where(fk => !fk.IsOwnership))
        {
            foreignKey.DeleteBehavior = DeleteBehavior.Restrict;
        }
    }

    /// <summary>
    /// Truncates every instant about to be written to the precision both providers keep, so that the entity in
    /// memory (and any answer or hash made from it) equals what is read back later, on SQLite as on SQL Server.
    /// </summary>
    private void NormaliseInstants()
    {
        foreach (var entry in ChangeTracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified))
        {
            foreach (var property in entry.Properties.Where(p => p.Metadata.ClrType == typeof(DateTimeOffset) || p.Metadata.ClrType == typeof(DateTimeOffset?)))
            {
                if (property.CurrentValue is DateTimeOffset instant && StoredInstant.Normalise(instant) is var stored && stored != instant)
                {
                    property.CurrentValue = stored;
                }
            }
        }
    }

    /// <summary>An organisation's name is encrypted; its keyed hash, kept beside it, is what exact-name lookups compare.</summary>
    private void HashOrganisationNames()
    {
        foreach (var entry in ChangeTracker.Entries<Organisation>().Where(e => e.State is EntityState.Added or EntityState.Modified))
        {
            var lookup = entry.Property<string?>(EncryptedColumns.OrganisationNameLookup);
            var hash = Cipher.Lookup(entry.Entity.Name);
            if (lookup.CurrentValue != hash)
            {
                lookup.CurrentValue = hash;
            }
        }
    }

    private void BumpVersions()
    {
        // An entity that bumped its own version (a change decided on its state) is bumped once, not twice.
        foreach (var entry in ChangeTracker.Entries<IVersioned>()
                     .Where(e => e.State == EntityState.Modified && !e.Property(nameof(IVersioned.Version)).IsModified))
        {
            entry.Entity.Version++;
        }
    }
}
