using FluentValidation;
using GrantHub.Api.Infrastructure.Pipeline;
using GrantHub.Core.Calls;
using GrantHub.Core.Common;
using GrantHub.Core.Data;
using GrantHub.Core.Funds;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Api.Features.Calls;

public record ConsortiumRule(bool Required, int MinPartners, int MaxPartners);

/// <summary>A rubric criterion; the description is optional (at most 2,000 characters) and is shown to reviewers beside it.</summary>
public record RubricCriterionInput(string Criterion, int Weight, int MaxScore, string? Description = null);

/// <summary>The body of create and update: everything an officer edits while a call is a draft.</summary>
public record CallInput(
    Guid FundId,
    string Title,
    string? Description,
    IReadOnlyList<Pillar> Pillars,
    IReadOnlyList<string> EligibleCountries,
    decimal MinAmount,
    decimal MaxAmount,
    int MinDurationMonths,
    int MaxDurationMonths,
    DateTimeOffset OpensAt,
    DateTimeOffset ClosesAt,
    ConsortiumRule Consortium,
    IReadOnlyList<RubricCriterionInput> Rubric,
    int MinReviewsPerApplication)
{
    public CallTerms ToTerms(string currency) => new(
        FundId,
        Title.Trim(),
        Description?.Trim() ?? "",
        [.. Pillars.Distinct()],
        [.. EligibleCountries],
        Money.Of(MinAmount, currency),
        Money.Of(MaxAmount, currency),
        MinDurationMonths,
        MaxDurationMonths,
        OpensAt.ToUniversalTime(),
        ClosesAt.ToUniversalTime(),
        Consortium.Required,
        Consortium.MinPartners,
        Consortium.MaxPartners,
        [.. Rubric.Select(r => new RubricCriterion(r.Criterion.Trim(), r.Weight, r.MaxScore, r.Description?.Trim() ?? ""))],
        MinReviewsPerApplication);
}

public sealed class CallInputValidator : AbstractValidator<CallInput>
{
    public const int MaxDurationMonthsAllowed = 120;
    public const int MaxCriterionDescriptionLength = 2_000;

    public CallInputValidator(GrantHubDbContext db)
    {
        RuleFor(c => c.Title).NotEmpty().MaximumLength(200);
        RuleFor(c => c.Description).MaximumLength(20_000);
        RuleFor(c => c.Pillars).NotEmpty();
        RuleForEach(c => c.Pillars).IsInEnum();
        RuleFor(c => c.EligibleCountries).NotEmpty()
            .Must(countries => countries.Distinct().Count() == countries.Count).WithMessage("Countries must not repeat.");
        RuleForEach(c => c.EligibleCountries).IsCountryCode();
        RuleFor(c => c.MinAmount).IsPositiveAmount();
        RuleFor(c => c.MaxAmount).GreaterThanOrEqualTo(c => c.MinAmount)
            .WithMessage("The maximum amount must not be below the minimum amount.");
        RuleFor(c => c.MinDurationMonths).InclusiveBetween(1, MaxDurationMonthsAllowed);
        RuleFor(c => c.MaxDurationMonths).InclusiveBetween(1, MaxDurationMonthsAllowed)
            .GreaterThanOrEqualTo(c => c.MinDurationMonths)
            .WithMessage("The maximum duration must not be below the minimum duration.");
        RuleFor(c => c.ClosesAt).GreaterThan(c => c.OpensAt).WithMessage("A call must close after it opens.");
        RuleFor(c => c.Consortium).NotNull().DependentRules(() =>
        {
            RuleFor(c => c.Consortium.MinPartners).InclusiveBetween(0, 50);
            RuleFor(c => c.Consortium.MaxPartners).InclusiveBetween(0, 50)
                .GreaterThanOrEqualTo(c => c.Consortium.MinPartners)
                .WithMessage("The maximum number of partners must not be below the minimum.");
            RuleFor(c => c.Consortium.MinPartners).GreaterThanOrEqualTo(1)
                .When(c => c.Consortium.Required)
                .WithMessage("A call that requires a consortium needs at least one partner.");
        });
        RuleFor(c => c.Rubric).NotEmpty()
            .Must(rubric => rubric.All(r => r is { Weight: >= 1 and <= 100, MaxScore: >= 1 and <= 100 }))
            .WithMessage("Every criterion needs a weight and a maximum score from 1 to 100.")
            .DependentRules(() =>
        {
            RuleFor(c => c.Rubric).Must(r => r.Sum(c => c.Weight) == 100)
                .WithMessage(c => $"Rubric weights must sum to 100; they sum to {c.Rubric.Sum(r => r.Weight)}.");
            RuleFor(c => c.Rubric).Must(r => r.Select(c => c.Criterion?.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).Count() == r.Count)
                .WithMessage("Rubric criteria must have distinct names.");
        });
        RuleForEach(c => c.Rubric).ChildRules(criterion =>
        {
            criterion.RuleFor(r => r.Criterion).NotEmpty().MaximumLength(200);
            criterion.RuleFor(r => r.Weight).InclusiveBetween(1, 100);
            criterion.RuleFor(r => r.MaxScore).InclusiveBetween(1, 100);
            criterion.RuleFor(r => r.Description).MaximumLength(MaxCriterionDescriptionLength);
        });
        RuleFor(c => c.MinReviewsPerApplication).InclusiveBetween(1, 10);

        RuleFor(c => c.FundId).NotEmpty().CustomAsync(async (fundId, context, cancellationToken) =>
        {
            var fund = await db.Funds.AsNoTracking()
                .Where(f => f.Id == fundId)
                .Select(f => new { f.Kind, f.Currency })
                .FirstOrDefaultAsync(cancellationToken);
            if (fund is null)
            {
                context.AddFailure("No fund has this id.");
                return;
            }

            if (fund.Kind != FundKind.CoreFunding)
            {
                context.AddFailure("Calls for proposals draw on a CoreFunding fund.");
            }

            var call = context.InstanceToValidate;
            context.AddAmountProblem(nameof(CallInput.MinAmount), call.MinAmount, fund.Currency);
            context.AddAmountProblem(nameof(CallInput.MaxAmount), call.MaxAmount, fund.Currency);
        });
    }
}
