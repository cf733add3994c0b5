using GrantHub.Core.Applications;
using GrantHub.Core.Emergency;
using GrantHub.Core.Files;
using GrantHub.Core.Grants;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GrantHub.Core.Data;

internal sealed class StoredFileConfiguration : IEntityTypeConfiguration<StoredFile>
{
    public void Configure(EntityTypeBuilder<StoredFile> builder)
    {
        builder.Property(f => f.Id).ValueGeneratedNever();
        builder.Property(f => f.Sha256).HasMaxLength(64).IsFixedLength();
        builder.Property(f => f.ContentType).HasMaxLength(100);
        builder.Property(f => f.Kind).HasConversion<string>().HasMaxLength(16);
        // A file's name may name a person at risk ("Amina - safe house.mp3").
        builder.Property(f => f.OriginalName).IsEncrypted();
        builder.HasOne<StoredFileContent>().WithOne().HasForeignKey<StoredFileContent>(c => c.FileId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class StoredFileContentConfiguration : IEntityTypeConfiguration<StoredFileContent>
{
    public void Configure(EntityTypeBuilder<StoredFileContent> builder)
    {
        builder.ToTable("StoredFileContents");
        builder.HasKey(c => c.FileId);
        builder.Property(c => c.Content).IsEncrypted();
    }
}

internal sealed class InformationRequestConfiguration : IEntityTypeConfiguration<InformationRequest>
{
    public void Configure(EntityTypeBuilder<InformationRequest> builder)
    {
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Question).IsEncrypted();
        builder.Property(r => r.Answer).IsEncrypted();
        builder.Ignore(r => r.IsAnswered);
        builder.HasOne<Application>().WithMany().HasForeignKey(r => r.ApplicationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StoredFile>().WithMany().HasForeignKey(r => r.AttachmentFileId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.ApplicationId, r.AskedAt });
    }
}

internal sealed class EmergencyLightReportConfiguration : IEntityTypeConfiguration<EmergencyLightReport>
{
    public void Configure(EntityTypeBuilder<EmergencyLightReport> builder)
    {
        builder.HasKey(r => r.EmergencyRequestId);
        builder.Property(r => r.HowMoneyWasUsed).IsEncrypted();
        builder.Property(r => r.AnythingElse).IsEncrypted();
        builder.HasOne<EmergencyRequest>().WithOne().HasForeignKey<EmergencyLightReport>(r => r.EmergencyRequestId).OnDelete(DeleteBehavior.Restrict);
    }
}
