using FluentValidation;
using GrantHub.Api.Infrastructure.Email;
using GrantHub.Api.Infrastructure.Pipeline;
using GrantHub.Api.Infrastructure.Security;
using GrantHub.Api.Infrastructure.Time;
using GrantHub.Core.Applications;
using GrantHub.Core.Common;
using GrantHub.Core.Data;
using GrantHub.Core.Organisations;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Api.Features.Applications;

public record AskForInformationRequest(string? Question, DateOnly? AnswerBy);

/// <summary>The question may be about people at risk: it never enters the audit trail.</summary>
public record AskForInformationCommand(Guid Id, [property: SensitiveData] string? Question, DateOnly? AnswerBy) : ICommand<InformationRequestResponse>, IHasId;

public sealed class AskForInformationValidator : AbstractValidator<AskForInformationCommand>
{
    public AskForInformationValidator()
    {
        RuleFor(c => c.Question).NotEmpty().MaximumLength(InformationRequest.MaxQuestionLength);
        RuleFor(c => c.AnswerBy).NotNull();
    }
}

/// <summary>
/// A programme officer (never a member of the consortium) asks the consortium of a submitted or under-review
/// application for more information, with a deadline after today; the lead organisation's owners are told. The
/// decision waits for the answer or the deadline.
/// </summary>
public sealed class AskForInformationHandler(GrantHubDbContext db, Viewer viewer, Notifier notifier, TimeProvider clock)
    : ICommandHandler<AskForInformationCommand, InformationRequestResponse>
{
    public async ValueTask<InformationRequestResponse> Handle(AskForInformationCommand command, CancellationToken cancellationToken)
    {
        var application = await db.Applications.FirstOrDefaultAsync(a => a.Id == command.Id, cancellationToken)
            ?? throw new NotFoundException(nameof(Application), command.Id);
        await viewer.EnsureNotRelatedPartyAsync(
            application.ConsortiumOrganisationIds, "You are a member of an organisation in this consortium and cannot question its application.", cancellationToken);

        var today = clock.UtcToday();
        var request = InformationRequest.Ask(application, command.Question!.Trim(), command.AnswerBy!.Value, viewer.RequiredId(), today, clock.GetUtcNow());
        db.InformationRequests.Add(request);

        var owners = await db.OrganisationMembers
            .Where(m => m.OrganisationId == application.LeadOrganisationId && m.Role == MembershipRole.Owner)
            .Select(m => m.UserId)
            .ToListAsync(cancellationToken);
        await notifier.NotifyAsync(
            owners,
            new NotificationMessage(
                "information-requested",
                new NotificationText("information-requested.Subject"),
                new NotificationText("information-requested.Body", request.AnswerBy.ToDateTime(TimeOnly.MinValue)),
                $"/applications/{application.Id}"),
            $"information-requested:{request.Id:N}",
            cancellationToken);

        await db.SaveChangesAsync(cancellationToken);
        return InformationRequestResponse.From(request, null, today);
    }
}
