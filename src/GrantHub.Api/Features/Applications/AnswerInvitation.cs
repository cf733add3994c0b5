using FluentValidation;
using GrantHub.Api.Infrastructure.Security;
using GrantHub.Api.Infrastructure.Pipeline;
using GrantHub.Core.Applications;
using GrantHub.Core.Common;
using GrantHub.Core.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Api.Features.Applications;

/// <summary>What a partner confirms: optionally the <c>budgetFingerprint</c> of its share as it read it (the web page always sends it).</summary>
public record ConfirmPartnershipRequest(string? BudgetFingerprint);

/// <summary>
/// A partner confirms its share. With the fingerprint it read, a share changed since is refused (409
/// <c>budget-changed-since-seen</c>); without one, it confirms its share as it stands.
/// </summary>
public record ConfirmPartnershipCommand(Guid Id, Guid OrganisationId, string? BudgetFingerprint = null) : ICommand<ApplicationResponse>, IHasId;

public sealed class ConfirmPartnershipValidator : AbstractValidator<ConfirmPartnershipCommand>
{
    public ConfirmPartnershipValidator() => RuleFor(c => c.BudgetFingerprint).MaximumLength(64);
}

public record DeclinePartnershipCommand(Guid Id, Guid OrganisationId) : ICommand<ApplicationResponse>, IHasId;

/// <summary>
/// A partner organisation answers its invitation, through its own members only: the lead never answers for
/// a partner. What counts is membership of the partner organisation, so a person who belongs to both the lead
/// and the partner may answer for the partner (the partner's owners made them a member). A partner that declined
/// has left the consortium: like any outsider it gets 404 here, until the lead invites it again.
/// </summary>
public sealed class AnswerInvitationHandler(GrantHubDbContext db, Viewer user, TimeProvider clock)
    : ICommandHandler<ConfirmPartnershipCommand, ApplicationResponse>,
        ICommandHandler<DeclinePartnershipCommand, ApplicationResponse>
{
    public ValueTask<ApplicationResponse> Handle(ConfirmPartnershipCommand command, CancellationToken cancellationToken) =>
        AnswerAsync(command.Id, command.OrganisationId, (application, now) => application.ConfirmPartner(command.OrganisationId, command.BudgetFingerprint, now), cancellationToken);

    public ValueTask<ApplicationResponse> Handle(DeclinePartnershipCommand command, CancellationToken cancellationToken) =>
        AnswerAsync(command.Id, command.OrganisationId, (application, now) => application.DeclinePartner(command.OrganisationId, now), cancellationToken);

    private async ValueTask<ApplicationResponse> AnswerAsync(
        Guid id, Guid organisationId, Action<Application, DateTimeOffset> answer, CancellationToken cancellationToken)
    {
        var application = await db.Applications.VisibleTo(user).FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        var answersForPartner = application is not null
            && await user.IsMemberOfAsync(organisationId, cancellationToken)
            && application.Partners.Any(p => p.OrganisationId == organisationId && p.Status != ConsortiumMemberStatus.Declined);
        if (!answersForPartner)
        {
            throw application is not null
                ? new ForbiddenException("Only members of the partner organisation can answer its invitation.")
                : new NotFoundException(nameof(Application), id);
        }

        answer(application!, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return await db.ToResponseAsync(application!, user, cancellationToken);
    }
}
