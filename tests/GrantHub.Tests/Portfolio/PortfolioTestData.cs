using System.Net;
using GrantHub.Core.Calls;
using GrantHub.Tests.Applications;
using GrantHub.Tests.Infrastructure;
using GrantHub.Tests.Reviews;

namespace GrantHub.Tests.Portfolio;

public static class PortfolioTestData
{
    /// <summary>On a new fund: a sensitive Nepali lead awarded 90,000 for participation, a Colombian one 60,000 for protection.</summary>
    public static async Task<(Guid FundId, Consortium Nepal, Consortium Colombia)> TwoAwards(this GrantHubFactory factory)
    {
        var call = await factory.OpenCall();
        var nepal = await factory.ReadyConsortium(call, sensitiveLead: true);
        await (await nepal.Lead.Client.Submit(nepal.Id)).ShouldBe(HttpStatusCode.OK);
        var colombia = await factory.ReadyConsortium(call, leadCountry: "CO");
        await (await colombia.Lead.Client.PutJson(
                $"/api/applications/{colombia.Id}",
                ApplicationTestData.UpdateInput(colombia.Application, colombia.Application.Title) with { Countries = ["CO"], Pillars = [Pillar.Protection] }))
            .ShouldBe(HttpStatusCode.OK);
        await (await colombia.Lead.Client.Submit(colombia.Id)).ShouldBe(HttpStatusCode.OK);
        await factory.CloseCall(call.Id);
        var officer = await factory.Officer();
        var start = factory.Today().AddDays(10);
        await (await officer.Decide(nepal.Id, ReviewTestData.Award(90_000m, start, "Decided in committee."))).ShouldBe(HttpStatusCode.OK);
        await (await officer.Decide(colombia.Id, ReviewTestData.Award(60_000m, start, "Decided in committee."))).ShouldBe(HttpStatusCode.OK);
        return (call.FundId, nepal, colombia);
    }
}
