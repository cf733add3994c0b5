using GrantHub.Api.Features.Funds;
using GrantHub.Api.Infrastructure.Http;
using GrantHub.Api.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;

namespace GrantHub.Api.Web.Pages.Finance;

/// <summary>Every fund with its budget, committed, disbursed and available money.</summary>
[Authorize(Policy = Policies.AdminProgrammeOrFinance)]
public sealed class FundsModel : WebPage
{
    public IReadOnlyList<FundResponse> Funds { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Funds = (await Mediator.Send(new ListFundsQuery(PageSize: Paging.MaxPageSize), cancellationToken)).Items;
}
