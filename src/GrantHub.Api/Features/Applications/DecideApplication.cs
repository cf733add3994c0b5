using FluentValidation;
using GrantHub.Api.Infrastructure.Security;
using GrantHub.Api.Infrastructure.Pipeline;
using GrantHub.Api.Infrastructure.Time;
using GrantHub.Core.Applications;
using GrantHub.Core.Calls;
using GrantHub.Core.Common;
using GrantHub.Core.Data;
using GrantHub.Core.Grants;
using GrantHub.Core.Reviews;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Api.Features.Applications;

public enum ApplicationDecision
{
    Award,
    Reject,
}

public record PlannedTrancheInput(DateOnly PlannedDate, decimal Amount);

public record DecideApplicationRequest(
    ApplicationDecision? Decision,
    decimal? AwardedAmount,
    DateOnly? StartDate,
    IReadOnlyList<PlannedTrancheInput>? Tranches,
    string? Feedback,
    string? OverrideJustification,
    bool? PayMembersDirectly = null);

/// <summary>
/// An award without the call's minimum of submitted reviews needs <see cref="OverrideJustification"/>, which the audit
/// trail keeps. <see cref="PayMembersDirectly"/> splits every tranche into one payment per consortium member instead of
/// paying the lead, who would otherwise owe each partner an onward transfer.
/// </summary>
public record DecideApplicationCommand(
    Guid Id,
    ApplicationDecision? Decision,
    decimal? AwardedAmount,
    DateOnly? StartDate,
    IReadOnlyList<PlannedTrancheInput>? Tranches,
    [property: SensitiveData] string? Feedback,
    string? OverrideJustification,
    bool? PayMembersDirectly = null) : ICommand<DecisionResponse>, IHasId
{
    public static DecideApplicationCommand From(Guid id, DecideApplicationRequest request) => new(
        id, request.Decision, request.AwardedAmount, request.StartDate, request.Tranches, request.Feedback, request.OverrideJustification, request.PayMembersDirectly);
}

/// <summary>On Award, the grant created and committed against the fund.</summary>
public record DecisionResponse(
    Guid ApplicationId,
    ApplicationDecision Decision,
    ApplicationStatus Status,
    Guid? GrantId,
    string? GrantNumber,
    decimal? AwardedAmount,
    string Currency,
    string? Feedback,
    DateTimeOffset DecidedAt,
    int SubmittedReviews,
    CallStatus CallStatus);

public sealed class DecideApplicationValidator : AbstractValidator<DecideApplicationCommand>
{
    public const int MaxFeedbackLength = 10_000;
    public const int MaxJustificationLength = 2000;
    public const int MaxTranches = 120;

    public DecideApplicationValidator(GrantHubDbContext db)
    {
        RuleFor(c => c.Decision).NotNull().IsInEnum();
        RuleFor(c => c.Feedback).MaximumLength(MaxFeedbackLength);
        RuleFor(c => c.OverrideJustification).MaximumLength(MaxJustificationLength);

        When(c => c.Decision == ApplicationDecision.Reject, () =>
        {
            RuleFor(c => c.Feedback).NotEmpty().WithMessage("A rejection needs feedback the applicants can read.");
            RuleFor(c => c.AwardedAmount).Null().WithMessage("A rejection awards nothing.");
            RuleFor(c => c.StartDate).Null().WithMessage("A rejection awards nothing.");
            RuleFor(c => c.Tranches).Must(t => t is null || t.Count == 0).WithMessage("A rejection awards nothing.");
            RuleFor(c => c.OverrideJustification).Null().WithMessage("Only an award can override the minimum number of reviews.");
            RuleFor(c => c.PayMembersDirectly).Must(direct => direct != true).WithMessage("A rejection pays nobody.");
        });

        When(c => c.Decision == ApplicationDecision.Award, () =>
        {
            RuleFor(c => c.AwardedAmount).NotNull().GreaterThan(0).WithMessage("The awarded amount must be greater than zero.");
            RuleFor(c => c.StartDate).NotNull().WithMessage("An award needs the grant's start date.");
            RuleFor(c => c.Tranches).Must(t => t is null || t.Count <= MaxTranches).WithMessage($"At most {MaxTranches} tranches.");
            RuleForEach(c => c.Tranches).NotNull().ChildRules(tranche =>
                tranche.RuleFor(t => t.Amount).GreaterThan(0).WithMessage("Each tranche must be greater than zero."));
            RuleFor(c => c.Id).CustomAsync(CheckAgainstApplicationAsync);
        });

        async Task CheckAgainstApplicationAsync(Guid id, ValidationContext<DecideApplicationCommand> context, CancellationToken cancellationToken)
        {
            var application = await db.Applications.AsNoTracking()
                .Where(a => a.Id == id)
                .Select(a => new { a.Currency, a.RequestedTotal, a.DurationMonths })
                .FirstOrDefaultAsync(cancellationToken);
            if (application is null)
            {
                return;
            }

            var command = context.InstanceToValidate;
            if (command.AwardedAmount is { } amount)
            {
                var requested = application.RequestedTotal.Amount;
                if (Money.AmountProblem(amount, application.Currency) is { } problem)
                {
                    context.AddFailure(nameof(command.AwardedAmount), problem);
                }
                else if (amount > requested)
                {
                    context.AddFailure(nameof(command.AwardedAmount), $"The award cannot exceed the requested total of {requested} {application.Currency}.");
                }
            }

            var tranches = command.Tranches ?? [];
            var period = command.StartDate is { } start ? GrantPeriod.FromDuration(start, application.DurationMonths) : (GrantPeriod?)null;
            for (var i = 0; i < tranches.Count; i++)
            {
                if (tranches[i] is not { } tranche)
                {
                    continue;
                }

                var field = $"{nameof(command.Tranches)}[{i}]";
                context.AddAmountProblem($"{field}.{nameof(PlannedTrancheInput.Amount)}", tranche.Amount, application.Currency);

                if (period is { } grantPeriod && !grantPeriod.Contains(tranche.PlannedDate))
                {
                    context.AddFailure(
                        $"{field}.{nameof(PlannedTrancheInput.PlannedDate)}",
                        $"Tranches are planned within the grant period, {grantPeriod.Start:yyyy-MM-dd} to {grantPeriod.End:yyyy-MM-dd}.");
                }
            }

            // Once every amount is a positive amount of the currency, the plan must pay out the award: the grant's own rule.
            if (command.AwardedAmount is { } awarded && Money.AmountProblem(awarded, application.Currency) is null
                && tranches.Count > 0 && tranches.All(t => t is not null && t.Amount > 0 && Money.AmountProblem(t.Amount, application.Currency) is null)
                && Grant.TranchePlanProblem(
                    [.. tranches.Select(t => new PlannedTranche(t!.PlannedDate, Money.Of(t.Amount, application.Currency)))],
                    Money.Of(awarded, application.Currency)) is { } planProblem)
            {
                context.AddFailure(nameof(command.Tranches), planProblem);
            }
        }
    }
}

/// <summary>
/// A programme officer awards or rejects a submitted application, once, after the call has closed (the ranking is
/// final only then), and not while a question to the consortium is open (409 <c>information-requested</c>: unanswered
/// and its deadline not passed). An award needs the call's minimum of submitted reviews unless the officer justifies an
/// override; it creates the grant through <see cref="GrantAwarding"/> (members' allocations in proportion to their
/// budget lines) and commits its amount against the fund in the same transaction, so awards racing for the last of a
/// fund never overdraw it: those that no longer fit get <c>fund-insufficient</c>. Every decision on a call touches
/// the call's version, so on SQL Server concurrent decisions on one call are retried one after the other; the one
/// that decides the last open application marks the call Decided.
/// </summary>
public sealed class DecideApplicationHandler(
    GrantHubDbContext db,
    Viewer viewer,
    TimeProvider clock,
    GrantAwarding awarding,
    DecisionNotifications notifications) : ICommandHandler<DecideApplicationCommand, DecisionResponse>
{
    public async ValueTask<DecisionResponse> Handle(DecideApplicationCommand command, CancellationToken cancellationToken)
    {
        var application = await db.Applications.FirstOrDefaultAsync(a => a.Id == command.Id, cancellationToken)
            ?? throw new NotFoundException(nameof(Application), command.Id);
        await viewer.EnsureNotRelatedPartyAsync(
            application.ConsortiumOrganisationIds, "You are a member of an organisation in this consortium and cannot decide its application.", cancellationToken);
        InformationRequest.EnsureNoneOpen(
            await db.InformationRequests.Where(r => r.ApplicationId == application.Id && r.AnsweredAt == null).ToListAsync(cancellationToken),
            clock.UtcToday());
        var call = await db.Calls.SingleAsync(c => c.Id == application.CallId, cancellationToken);
        var submittedReviews = await db.ReviewAssignments.CountAsync(
            r => r.ApplicationId == application.Id && r.Status == ReviewStatus.Submitted, cancellationToken);
        var now = clock.GetUtcNow();
        var feedback = string.IsNullOrWhiteSpace(command.Feedback) ? null : command.Feedback.Trim();

        Grant? grant = null;
        if (command.Decision == ApplicationDecision.Reject)
        {
            application.Reject(feedback!, now);
            call.AcceptDecision();
        }
        else
        {
            application.Award(now, feedback);
            call.AcceptDecision();
            if (submittedReviews < call.MinReviewsPerApplication && string.IsNullOrWhiteSpace(command.OverrideJustification))
            {
                throw new BusinessRuleException(
                    "minimum-reviews-not-met",
                    $"The call needs {call.MinReviewsPerApplication} submitted review(s) before an award; this application has {submittedReviews}. " +
                    "Wait for the reviews or justify an override.");
            }

            var amount = Money.Of(command.AwardedAmount!.Value, application.Currency);
            var plan = command.Tranches is { Count: > 0 } tranches
                ? tranches.Select(t => new PlannedTranche(t.PlannedDate, Money.Of(t.Amount, application.Currency))).ToList()
                : null;
            grant = await awarding.AwardAsync(
                new GrantAwardTerms(
                    application.Id,
                    call.Id,
                    application.LeadOrganisationId,
                    amount,
                    command.StartDate!.Value,
                    application.DurationMonths,
                    application.AllocationsFor(amount),
                    plan,
                    command.PayMembersDirectly == true,
                    application.FiscalHostOrganisationId is { } hostId ? new GrantFiscalHost(hostId, application.FiscalHostFeeBasisPoints!.Value) : null),
                viewer.RequiredId(),
                now,
                cancellationToken);
        }

        var othersUndecided = await db.Applications.AnyAsync(
            a => a.CallId == call.Id && a.Id != application.Id
                && (a.Status == ApplicationStatus.Submitted || a.Status == ApplicationStatus.UnderReview),
            cancellationToken);
        if (!othersUndecided)
        {
            call.MarkDecided();
        }

        await notifications.DecidedAsync(application, grant, call.Title, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return new DecisionResponse(
            application.Id,
            command.Decision!.Value,
            application.Status,
            grant?.Id,
            grant?.GrantNumber,
            grant?.Amount.Amount,
            application.Currency,
            application.DecisionFeedback,
            now,
            submittedReviews,
            call.Status);
    }
}
