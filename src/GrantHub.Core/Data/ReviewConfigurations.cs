using GrantHub.Core.Applications;
using GrantHub.Core.Calls;
using GrantHub.Core.Identity;
using GrantHub.Core.Reviews;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GrantHub.Core.Data;

internal sealed class ReviewAssignmentConfiguration : IEntityTypeConfiguration<ReviewAssignment>
{
    public void Configure(EntityTypeBuilder<ReviewAssignment> builder)
    {
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.ConflictStatement).HasMaxLength(ReviewAssignment.MaxStatementLength);
        builder.Property(r => r.Comment).HasMaxLength(ReviewAssignment.MaxCommentLength);
        builder.OwnsMany(r => r.Scores, score => score.ToJson());
        builder.HasOne<Application>().WithMany().HasForeignKey(r => r.ApplicationId);
        builder.HasOne<Call>().WithMany().HasForeignKey(r => r.CallId);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(r => r.ReviewerUserId);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(r => r.AssignedBy);

        // A reviewer is assigned to an application once, recused or not.
        builder.HasIndex(r => new { r.ApplicationId, r.ReviewerUserId }).IsUnique();
        builder.HasIndex(r => new { r.ReviewerUserId, r.DueAt });
        builder.HasIndex(r => new { r.CallId, r.Status });
        builder.HasIndex(r => new { r.Status, r.DueAt });
    }
}
