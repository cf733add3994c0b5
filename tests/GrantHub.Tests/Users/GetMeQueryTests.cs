using GrantHub.Api.Features.Users;
using GrantHub.Core.Identity;
using GrantHub.Tests.Infrastructure;

namespace GrantHub.Tests.Users;

/// <summary><c>GET /api/me</c> reads the account's three fields it answers with, and no organisation for someone who belongs to none.</summary>
public class GetMeQueryTests(CommandCountingFactory factory) : IClassFixture<CommandCountingFactory>
{
    [Fact]
    public async Task Me_reads_neither_the_whole_account_nor_organisations_for_staff_who_belong_to_none()
    {
        var officer = await factory.Officer();
        await officer.GetAsync("/api/me");

        MeResponse? me = null;
        var count = await factory.CountCommands(async () => me = await (await officer.GetAsync("/api/me")).ReadAs<MeResponse>());

        Assert.Contains(Roles.ProgrammeOfficer, me!.Roles);
        Assert.Empty(me.Organisations);
        Assert.Contains(count.Texts, text => text.Contains("\"DisplayName\"", StringComparison.Ordinal));
        Assert.DoesNotContain(count.Texts, text => text.Contains("\"PasswordHash\"", StringComparison.Ordinal));
        Assert.DoesNotContain(count.Texts, text => text.Contains("FROM \"Organisations\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Me_names_the_organisations_of_a_member()
    {
        var me = await (await (await factory.Lead()).GetAsync("/api/me")).ReadAs<MeResponse>();

        Assert.NotEmpty(me.Organisations);
        Assert.All(me.Organisations, organisation => Assert.False(string.IsNullOrWhiteSpace(organisation.Name)));
    }
}
