using Microsoft.EntityFrameworkCore;

namespace GrantHub.Core.Grants;

public static class GrantQueries
{
    /// <summary>
    /// What a grant's summary shows and the due-tranche rule reads (allocations, tranches, reports, amendments, agreement
    /// versions), without each tranche's finance decisions and the onward transfers: for lists, never for a command.
    /// </summary>
    public static IQueryable<Grant> WithSummary(this IQueryable<Grant> grants) => grants
        .Include(g => g.Allocations)
        .Include(g => g.Tranches)
        .Include(g => g.Reports)
        .Include(g => g.Amendments)
        .Include(g => g.AgreementVersions).ThenInclude(v => v.Signatures)
        .AsSplitQuery();

    /// <summary>The whole aggregate (not the agreement PDFs), one query per collection.</summary>
    public static IQueryable<Grant> WithDetails(this IQueryable<Grant> grants) => grants
        .WithSummary()
        .Include(g => g.Tranches).ThenInclude(t => t.Approvals)
        .Include(g => g.OnwardTransfers);
}
