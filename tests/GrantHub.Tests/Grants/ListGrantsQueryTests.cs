using GrantHub.Api.Features.Grants;
using GrantHub.Api.Infrastructure.Http;
using GrantHub.Tests.Infrastructure;

namespace GrantHub.Tests.Grants;

/// <summary>The API's list of grants answers whole grant summaries without reading what they do not show.</summary>
public class ListGrantsQueryTests(CommandCountingFactory factory) : IClassFixture<CommandCountingFactory>
{
    [Fact]
    public async Task The_list_reads_neither_the_tranches_finance_decisions_nor_the_onward_transfers()
    {
        var scenario = await factory.AwardGrant();
        var officer = await factory.Officer();
        await officer.GetAsync("/api/grants");

        PagedResponse<GrantResponse>? listed = null;
        var count = await factory.CountCommands(async () => listed = await (await officer.GetAsync("/api/grants?pageSize=100")).ReadAs<PagedResponse<GrantResponse>>());

        var grant = Assert.Single(listed!.Items, g => g.Id == scenario.GrantId);
        Assert.Equal((await factory.GetGrant(scenario)).Tranches, grant.Tranches);
        Assert.Contains(count.Texts, text => text.Contains("\"GrantTranches\"", StringComparison.Ordinal));
        Assert.DoesNotContain(count.Texts, text => text.Contains("\"GrantTrancheApprovals\"", StringComparison.Ordinal) || text.Contains("\"GrantOnwardTransfers\"", StringComparison.Ordinal));
    }
}
