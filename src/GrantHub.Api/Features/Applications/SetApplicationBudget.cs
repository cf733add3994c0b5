using FluentValidation;
using GrantHub.Api.Infrastructure.Security;
using GrantHub.Api.Infrastructure.Pipeline;
using GrantHub.Core.Applications;
using GrantHub.Core.Common;
using GrantHub.Core.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Api.Features.Applications;

/// <summary>What one consortium member asks for in one grant year (1..n), in the call's currency.</summary>
public record BudgetLineInput(Guid OrganisationId, int Year, decimal Amount);

public record SetApplicationBudgetRequest(IReadOnlyList<BudgetLineInput> Lines);

/// <summary>Replaces the whole budget; the requested total becomes the sum of the lines.</summary>
public record SetApplicationBudgetCommand(Guid Id, IReadOnlyList<BudgetLineInput> Lines) : ICommand<ApplicationResponse>, IHasId;

public sealed class SetApplicationBudgetValidator : AbstractValidator<SetApplicationBudgetCommand>
{
    public const int MaxLines = 600;
    public const decimal MaxAmount = Money.MaxAmount;

    public SetApplicationBudgetValidator(GrantHubDbContext db, Viewer user)
    {
        RuleFor(c => c.Lines).Cascade(CascadeMode.Stop).NotNull().Must(lines => lines.Count <= MaxLines).WithMessage($"At most {MaxLines} budget lines.");
        RuleForEach(c => c.Lines).NotNull().ChildRules(line =>
        {
            line.RuleFor(l => l.OrganisationId).NotEmpty();
            line.RuleFor(l => l.Year).GreaterThanOrEqualTo(1);
            line.RuleFor(l => l.Amount).GreaterThanOrEqualTo(0).LessThanOrEqualTo(MaxAmount);
        });
        RuleFor(c => c.Lines)
            .Custom((lines, context) =>
            {
                if (Application.RepeatedBudgetLineProblem(lines.Select(l => (l.OrganisationId, l.Year))) is { } problem)
                {
                    context.AddFailure(problem);
                }
            })
            .When(c => c.Lines is not null && c.Lines.All(l => l is not null));

        RuleFor(c => c.Id).CustomAsync(async (id, context, cancellationToken) =>
        {
            var lines = context.InstanceToValidate.Lines;
            if (lines is null || lines.Any(l => l is null))
            {
                return;
            }

            // Described only to those who may read the application; everyone else gets the handler's 404.
            var application = await db.Applications.AsNoTracking().VisibleTo(user)
                .Where(a => a.Id == id)
                .Select(a => new
                {
                    a.Currency,
                    a.DurationMonths,
                    Organisations = a.Members.Where(m => m.Status != ConsortiumMemberStatus.Declined).Select(m => m.OrganisationId).ToList(),
                })
                .FirstOrDefaultAsync(cancellationToken);
            if (application is null)
            {
                return;
            }

            var years = Application.YearsFor(application.DurationMonths);
            for (var i = 0; i < lines.Count; i++)
            {
                var line = lines[i];
                var field = $"{nameof(SetApplicationBudgetCommand.Lines)}[{i}]";
                if (line.Year > years)
                {
                    context.AddFailure($"{field}.{nameof(BudgetLineInput.Year)}", $"A {application.DurationMonths}-month project has budget years 1 to {years}.");
                }

                if (line.OrganisationId != Guid.Empty && !application.Organisations.Contains(line.OrganisationId))
                {
                    context.AddFailure(
                        $"{field}.{nameof(BudgetLineInput.OrganisationId)}",
                        "Budget lines belong to the lead or to an invited partner that has not declined.");
                }

                context.AddAmountProblem($"{field}.{nameof(BudgetLineInput.Amount)}", line.Amount, application.Currency);
            }
        });
    }
}

/// <summary>
/// Saves the budget; every partner whose confirmed share it changed awaits confirmation again and its owners are told why.
/// </summary>
public sealed class SetApplicationBudgetHandler(GrantHubDbContext db, Viewer user, TimeProvider clock, ApplicationNotifications notifications)
    : ICommandHandler<SetApplicationBudgetCommand, ApplicationResponse>
{
    public async ValueTask<ApplicationResponse> Handle(SetApplicationBudgetCommand command, CancellationToken cancellationToken)
    {
        var application = await db.Applications.FindForLeadAsync(user, command.Id, cancellationToken);
        var lines = command.Lines
            .Select(l => new BudgetLine(l.OrganisationId, l.Year, Money.Of(l.Amount, application.Currency)))
            .ToList();
        var reset = application.SetBudget(lines, clock.GetUtcNow());
        if (reset.Count > 0)
        {
            var organisationIds = reset.Select(p => p.OrganisationId).Append(application.LeadOrganisationId).ToList();
            var organisations = await db.Organisations.Where(o => organisationIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, cancellationToken);
            var callTitle = await db.Calls.Where(c => c.Id == application.CallId).Select(c => c.Title).SingleAsync(cancellationToken);
            foreach (var partner in reset)
            {
                await notifications.PartnerShareChangedAsync(
                    application, partner, organisations[application.LeadOrganisationId], organisations[partner.OrganisationId], callTitle, cancellationToken);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return await db.ToResponseAsync(application, user, cancellationToken);
    }
}
