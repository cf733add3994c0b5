using System.Net;
using GrantHub.Api.Features.Organisations;
using GrantHub.Core.Organisations;
using GrantHub.Tests.Applications;
using GrantHub.Tests.Infrastructure;
using GrantHub.Tests.Notifications;
using GrantHub.Tests.Reviews;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Tests.Organisations;

/// <summary>
/// The panic switch on an organisation that was not at risk: afterwards its name is in no answer, notification or e-mail
/// for anyone outside its members and the staff who need it, its members' sessions are refused, and the audit entry of
/// the hiding holds no name.
/// </summary>
public sealed class HideOrganisationTests : LoopbackSmtpTests
{
    [Fact]
    public async Task After_the_owner_hides_her_organisation_its_name_is_gone_for_outsiders_its_members_are_signed_out_and_the_audit_holds_no_name()
    {
        var host = StartHost();
        var legalName = $"Rural Women Peace Forum {Guid.NewGuid():N}";
        var partner = await host.NewOrganisation("NP");
        var lead = await host.NewOrganisation("BI", name: legalName);
        var (member, _) = await host.NewMemberOf(lead);
        var call = await host.OpenCall();
        var application = await lead.Draft(call);
        await lead.Invite(application.Id, partner);
        Assert.Contains(legalName, await partner.Client.GetStringAsync("/api/me/notifications?pageSize=100"));
        var officer = await host.Officer();
        var admin = await host.Admin();
        var reviewer = await host.NewReviewer();

        var hidden = await (await lead.Client.PostJson($"/api/organisations/{lead.OrganisationId}/hide")).ReadAs<OrganisationHidingResponse>();

        Assert.True(hidden.Hidden);
        Assert.Equal(2, hidden.MembersSignedOut);
        await (await lead.Client.GetAsync("/api/me")).ShouldBe(HttpStatusCode.Unauthorized);
        await (await member.GetAsync($"/api/organisations/{lead.OrganisationId}")).ShouldBe(HttpStatusCode.Unauthorized);

        await partner.Confirm(application.Id);
        var outsiders = new[]
        {
            await partner.Client.GetStringAsync($"/api/applications/{application.Id}"),
            await partner.Client.GetStringAsync("/api/me/notifications?pageSize=100"),
            await officer.GetStringAsync($"/api/applications/{application.Id}"),
            await admin.GetStringAsync($"/api/organisations/{lead.OrganisationId}"),
            await admin.GetStringAsync("/api/organisations?pageSize=100"),
            await admin.GetStringAsync("/api/audit?pageSize=100"),
            await reviewer.Client.GetStringAsync("/api/reviews/mine"),
        };
        Assert.All(outsiders, answer => Assert.DoesNotContain(legalName, answer));
        Assert.Contains(legalName, await officer.GetStringAsync($"/api/organisations/{lead.OrganisationId}"));
        var hiding = await host.WithDb(db => db.AuditEntries.AsNoTracking().SingleAsync(a => a.Command == "HideOrganisation"));
        Assert.Equal(lead.OrganisationId, hiding.ObjectId);
        Assert.DoesNotContain(legalName, hiding.Payload);
        Assert.DoesNotContain(lead.Organisation.RegistrationNumber!, hiding.Payload);

        await host.DispatchEmails();
        var toPartner = Smtp.Received.Where(m => m.To.Mailboxes.Any(a => a.Address == partner.Email)).ToList();
        Assert.NotEmpty(toPartner);
        Assert.All(Smtp.Received, mail => Assert.DoesNotContain(legalName, mail.Subject + mail.TextBody));
        var aboutTheApplication = toPartner.Where(m => m.TextBody!.Contains($"/applications/{application.Id}")).ToList();
        Assert.NotEmpty(aboutTheApplication);
        Assert.All(aboutTheApplication, mail =>
        {
            Assert.Equal("GrantHub: you have a new notification", mail.Subject);
            Assert.StartsWith($"https://grants.example.org/applications/{application.Id}", mail.TextBody!.Trim());
            Assert.DoesNotContain(' ', mail.TextBody!.Trim());
        });
    }
}
