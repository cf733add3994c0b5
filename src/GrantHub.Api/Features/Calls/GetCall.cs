using GrantHub.Api.Infrastructure.Security;
using GrantHub.Core.Calls;
using GrantHub.Core.Common;
using GrantHub.Core.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Api.Features.Calls;

public record GetCallQuery(Guid Id) : IQuery<CallResponse>;

/// <summary>Applicants may read any published call (open, closed or decided); drafts and cancelled calls are staff-only.</summary>
public sealed class GetCallHandler(GrantHubDbContext db, ICurrentUser user) : IQueryHandler<GetCallQuery, CallResponse>
{
    public async ValueTask<CallResponse> Handle(GetCallQuery query, CancellationToken cancellationToken)
    {
        var row = await db.Calls.AsNoTracking()
            .Where(c => c.Id == query.Id)
            .Join(db.Funds, c => c.FundId, f => f.Id, (c, f) => new { Call = c, f.Currency })
            .FirstOrDefaultAsync(cancellationToken);
        var visible = row is not null
            && (user.IsStaff() || row.Call.Status is CallStatus.Open or CallStatus.Closed or CallStatus.Decided);
        return visible ? CallResponse.From(row!.Call, row.Currency) : throw new NotFoundException(nameof(Call), query.Id);
    }
}
