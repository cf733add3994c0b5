using FluentValidation;
using GrantHub.Api.Infrastructure.Pipeline;
using GrantHub.Api.Infrastructure.Security;
using GrantHub.Api.Infrastructure.Time;
using GrantHub.Core.Common;
using GrantHub.Core.Data;
using GrantHub.Core.Emergency;
using GrantHub.Core.Funds;
using GrantHub.Core.Identity;
using GrantHub.Core.Organisations;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GrantHub.Api.Features.Emergency;

public record SubmitEmergencyRequestCommand(
    Guid OrganisationId,
    Guid FundId,
    decimal Amount,
    EmergencyCategory Category,
    [property: SensitiveData] string Justification,
    DateOnly NeededBy) : ICommand<EmergencyRequestResponse>;

public sealed class SubmitEmergencyRequestValidator : AbstractValidator<SubmitEmergencyRequestCommand>
{
    public SubmitEmergencyRequestValidator(GrantHubDbContext db, TimeProvider clock)
    {
        RuleFor(c => c.OrganisationId).NotEmpty();
        RuleFor(c => c.Category).IsInEnum();
        RuleFor(c => c.Justification).NotEmpty().WithMessage("Say briefly what the money is for and why it is urgent.")
            .MaximumLength(EmergencyRequest.MaxJustificationLength);
        RuleFor(c => c.NeededBy)
            .Must(neededBy => neededBy >= clock.UtcToday())
            .WithMessage("The needed-by date (YYYY-MM-DD) must be today or later.");
        RuleFor(c => c.Amount).IsPositiveAmount();
        RuleFor(c => c.FundId).NotEmpty().CustomAsync(async (fundId, context, cancellationToken) =>
        {
            var fund = await db.Funds.AsNoTracking()
                .Where(f => f.Id == fundId)
                .Select(f => new { f.Kind, f.Currency })
                .FirstOrDefaultAsync(cancellationToken);
            if (fund is null)
            {
                context.AddFailure("No fund has this id.");
            }
            else if (fund.Kind != FundKind.RapidResponse)
            {
                context.AddFailure("Emergency requests go to a RapidResponse fund; this is a CoreFunding fund.");
            }
            else
            {
                context.AddAmountProblem(nameof(SubmitEmergencyRequestCommand.Amount), context.InstanceToValidate.Amount, fund.Currency);
            }
        });
    }
}

/// <summary>
/// A member asks for their organisation; a programme officer may enter a request received by phone or message
/// for any organisation, and is then recorded as having entered it. Anyone else gets 404 for the organisation.
/// </summary>
public sealed class SubmitEmergencyRequestHandler(
    GrantHubDbContext db,
    Viewer viewer,
    TimeProvider clock,
    IOptions<EmergencyOptions> options,
    EmergencyNotifications notifications) : ICommandHandler<SubmitEmergencyRequestCommand, EmergencyRequestResponse>
{
    public async ValueTask<EmergencyRequestResponse> Handle(SubmitEmergencyRequestCommand command, CancellationToken cancellationToken)
    {
        var userId = viewer.RequiredId();
        var organisationExists = await db.Organisations.AnyAsync(o => o.Id == command.OrganisationId, cancellationToken);
        var isMember = await viewer.IsMemberOfAsync(command.OrganisationId, cancellationToken);
        var entersOnBehalf = !isMember && viewer.IsInRole(Roles.ProgrammeOfficer);
        if (!organisationExists || !(isMember || entersOnBehalf))
        {
            throw new NotFoundException(nameof(Organisation), command.OrganisationId);
        }

        var fund = await db.Funds.SingleAsync(f => f.Id == command.FundId, cancellationToken);
        var request = new EmergencyRequest(
            command.OrganisationId,
            fund,
            Money.Of(command.Amount, fund.Currency),
            command.Category,
            command.Justification.Trim(),
            command.NeededBy,
            userId,
            entersOnBehalf ? userId : null,
            clock.GetUtcNow(),
            options.Value.DecisionPromise);
        db.EmergencyRequests.Add(request);
        await notifications.SubmittedAsync(request, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return await EmergencyRequestResponse.ForAsync(request, viewer, cancellationToken);
    }
}
