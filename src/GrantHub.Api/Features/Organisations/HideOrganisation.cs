using GrantHub.Api.Features.Auth;
using GrantHub.Api.Infrastructure.Email;
using GrantHub.Api.Infrastructure.Pipeline;
using GrantHub.Api.Infrastructure.Security;
using GrantHub.Core.Common;
using GrantHub.Core.Data;
using GrantHub.Core.Identity;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Api.Features.Organisations;

/// <summary>The panic switch. The command holds nothing but the organisation's id, so its audit entry cannot name it.</summary>
public record HideOrganisationCommand(Guid Id) : ICommand<OrganisationHidingResponse>, IHasId;

/// <summary>What the panic switch did; never the organisation's name.</summary>
public record OrganisationHidingResponse(Guid Id, bool Hidden, DateTimeOffset? HiddenAt, int MembersSignedOut) : IHasId;

/// <summary>
/// An owner of the organisation or a programme officer hides it in one action: it is marked at risk (so everyone outside
/// its members and the staff who need its legal name sees only its alias or a placeholder), every stored notification
/// that named it names it no more, every e-mail about it from now on carries only a link (<see cref="Notifications.NotificationEmail"/>),
/// and every member's sessions end (new security stamp, sessions deleted: cookies and bearer tokens are refused at their
/// next request). Hiding a hidden organisation changes nothing more but signs its members out again.
/// </summary>
public sealed class HideOrganisationHandler(
    GrantHubDbContext db, Viewer viewer, UserManager<ApplicationUser> users, AccountSessions sessions, TimeProvider clock)
    : ICommandHandler<HideOrganisationCommand, OrganisationHidingResponse>
{
    public async ValueTask<OrganisationHidingResponse> Handle(HideOrganisationCommand command, CancellationToken cancellationToken)
    {
        var organisation = await db.Organisations.Include(o => o.Members).FindVisibleAsync(viewer, command.Id, cancellationToken);
        if (!organisation.IsOwner(viewer.RequiredId()) && !viewer.IsInRole(Roles.ProgrammeOfficer))
        {
            throw new ForbiddenException("Only an owner of the organisation or a programme officer can hide it.");
        }

        organisation.Hide(clock.GetUtcNow());
        await RedactNotificationsAsync(organisation.Name, organisation.RegistrationNumber, organisation.Alias, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);

        var members = organisation.Members.Select(m => m.UserId).ToList();
        foreach (var memberId in members)
        {
            if (await users.FindByIdAsync(memberId.ToString()) is { } member)
            {
                await users.UpdateSecurityStampAsync(member);
                await sessions.RevokeAllAsync(member.Id, cancellationToken);
            }
        }

        return new OrganisationHidingResponse(organisation.Id, organisation.Hidden, organisation.HiddenAt, members.Count);
    }

    /// <summary>
    /// Notifications already written (in-app, and e-mails still waiting) may name the organisation: its legal name and
    /// registration number are replaced, in each recipient's language, by its alias or a neutral placeholder.
    /// </summary>
    private async Task RedactNotificationsAsync(string name, string? registrationNumber, string? alias, CancellationToken cancellationToken)
    {
        string[] identifying = registrationNumber is null ? [name] : [name, registrationNumber];
        foreach (var text in identifying)
        {
            var naming = await db.Notifications
                .Where(n => n.Subject.Contains(text) || n.Body.Contains(text))
                .Join(db.Users, n => n.RecipientUserId, u => u.Id, (n, u) => new { Notification = n, u.PreferredCulture })
                .ToListAsync(cancellationToken);
            foreach (var found in naming)
            {
                found.Notification.Redact(
                    text, alias ?? NotificationTexts.Render("organisation.AtRisk", NotificationTexts.LanguageOf(found.PreferredCulture)));
            }
        }
    }
}

public record RevealOrganisationCommand(Guid Id) : ICommand<OrganisationHidingResponse>, IHasId;

/// <summary>
/// Only a programme officer ends the hiding (an owner's account may be the one under pressure): e-mails about the
/// organisation carry their text again. It stays marked at risk until its owners decide otherwise.
/// </summary>
public sealed class RevealOrganisationHandler(GrantHubDbContext db, Viewer viewer)
    : ICommandHandler<RevealOrganisationCommand, OrganisationHidingResponse>
{
    public async ValueTask<OrganisationHidingResponse> Handle(RevealOrganisationCommand command, CancellationToken cancellationToken)
    {
        var organisation = await db.Organisations.FindVisibleAsync(viewer, command.Id, cancellationToken);
        if (!viewer.IsInRole(Roles.ProgrammeOfficer))
        {
            throw new ForbiddenException("Only a programme officer can end the hiding of an organisation.");
        }

        organisation.Reveal();
        await db.SaveChangesAsync(cancellationToken);
        return new OrganisationHidingResponse(organisation.Id, organisation.Hidden, organisation.HiddenAt, 0);
    }
}
