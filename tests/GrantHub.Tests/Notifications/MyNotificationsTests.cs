using System.Net;
using GrantHub.Api.Features.Notifications;
using GrantHub.Api.Features.Users;
using GrantHub.Api.Infrastructure.Http;
using GrantHub.Tests.Infrastructure;

namespace GrantHub.Tests.Notifications;

public class MyNotificationsTests(GrantHubFactory factory) : IClassFixture<GrantHubFactory>
{
    [Fact]
    public async Task My_notifications_list_unread_first_then_newest_and_page_through_them()
    {
        var (client, me) = await NewApplicant();
        var created = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            created.Add(Assert.Single(await factory.Notify([me], NotificationSteps.Message($"Notification {i}"))).Id);
            factory.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        await (await client.PostJson($"/api/me/notifications/{created[4]}/read")).ShouldBe(HttpStatusCode.OK);
        await (await client.PostJson($"/api/me/notifications/{created[1]}/read")).ShouldBe(HttpStatusCode.OK);

        var pages = new List<NotificationResponse>();
        for (var page = 1; page <= 3; page++)
        {
            var response = await (await client.GetAsync($"/api/me/notifications?page={page}&pageSize=2")).ReadAs<PagedResponse<NotificationResponse>>();
            Assert.Equal((page, 2, 5), (response.Page, response.PageSize, response.TotalCount));
            pages.AddRange(response.Items);
        }

        Assert.Equal([created[3], created[2], created[0], created[4], created[1]], pages.Select(n => n.Id));
        Assert.All(pages.Take(3), n => Assert.Null(n.ReadAt));
        Assert.All(pages.Skip(3), n => Assert.NotNull(n.ReadAt));
        var first = pages[0];
        Assert.Equal(("report-due", "Notification 3", "/api/grants/3f6d1c2e"), (first.Kind, first.Subject, first.Link));

        var unread = await (await client.GetAsync("/api/me/notifications?unreadOnly=true")).ReadAs<PagedResponse<NotificationResponse>>();
        Assert.Equal([created[3], created[2], created[0]], unread.Items.Select(n => n.Id));
        Assert.Equal(3, unread.TotalCount);
    }

    [Fact]
    public async Task Only_my_own_notifications_are_listed()
    {
        var (client, me) = await NewApplicant();
        var (_, someoneElse) = await NewApplicant();
        var mine = Assert.Single(await factory.Notify([me]));
        await factory.Notify([someoneElse]);

        var list = await (await client.GetAsync("/api/me/notifications")).ReadAs<PagedResponse<NotificationResponse>>();

        Assert.Equal(mine.Id, Assert.Single(list.Items).Id);
    }

    [Theory]
    [InlineData("page=0", "page")]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("pageSize=101", "pageSize")]
    public async Task Paging_outside_the_limits_is_invalid(string query, string field)
    {
        var (client, _) = await NewApplicant();

        await (await client.GetAsync($"/api/me/notifications?{query}")).ShouldBeInvalid(field);
    }

    [Fact]
    public async Task Marking_read_is_idempotent_and_keeps_the_first_read_time()
    {
        var (client, me) = await NewApplicant();
        var notification = Assert.Single(await factory.Notify([me]));
        var readAt = factory.StoredNow;

        var first = await (await client.PostJson($"/api/me/notifications/{notification.Id}/read")).ReadAs<NotificationResponse>();
        factory.Clock.Advance(TimeSpan.FromHours(1));
        var again = await (await client.PostJson($"/api/me/notifications/{notification.Id}/read")).ReadAs<NotificationResponse>();

        Assert.Equal(readAt, first.ReadAt);
        Assert.Equal(readAt, again.ReadAt);
        Assert.Equal(readAt, (await factory.Reload(notification.Id)).ReadAt);
    }

    [Fact]
    public async Task Someone_elses_notification_cannot_be_marked_read_and_is_not_found()
    {
        var (_, owner) = await NewApplicant();
        var (intruder, _) = await NewApplicant();
        var notification = Assert.Single(await factory.Notify([owner]));

        await (await intruder.PostJson($"/api/me/notifications/{notification.Id}/read")).ShouldBe(HttpStatusCode.NotFound);
        await (await (await factory.Admin()).PostJson($"/api/me/notifications/{notification.Id}/read")).ShouldBe(HttpStatusCode.NotFound);
        await (await intruder.PostJson($"/api/me/notifications/{Guid.NewGuid()}/read")).ShouldBe(HttpStatusCode.NotFound);

        Assert.Null((await factory.Reload(notification.Id)).ReadAt);
    }

    [Fact]
    public async Task Notifications_need_a_signed_in_user()
    {
        var anonymous = factory.CreateClient();

        await (await anonymous.GetAsync("/api/me/notifications")).ShouldBe(HttpStatusCode.Unauthorized);
        await (await anonymous.PostJson($"/api/me/notifications/{Guid.NewGuid()}/read")).ShouldBe(HttpStatusCode.Unauthorized);
    }

    private async Task<(HttpClient Client, Guid UserId)> NewApplicant()
    {
        var client = await factory.NewApplicant();
        var me = await (await client.GetAsync("/api/me")).ReadAs<MeResponse>();
        return (client, me.Id);
    }
}
