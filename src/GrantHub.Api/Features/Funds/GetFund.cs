using GrantHub.Core.Common;
using GrantHub.Core.Data;
using GrantHub.Core.Funds;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Api.Features.Funds;

public record GetFundQuery(Guid Id) : IQuery<FundResponse>;

public sealed class GetFundHandler(GrantHubDbContext db) : IQueryHandler<GetFundQuery, FundResponse>
{
    public async ValueTask<FundResponse> Handle(GetFundQuery query, CancellationToken cancellationToken)
    {
        var fund = await db.Funds.AsNoTracking().FirstOrDefaultAsync(f => f.Id == query.Id, cancellationToken)
            ?? throw new NotFoundException(nameof(Fund), query.Id);
        return FundResponse.From(fund);
    }
}
