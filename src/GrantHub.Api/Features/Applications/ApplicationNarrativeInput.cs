using FluentValidation;
using GrantHub.Api.Infrastructure.Pipeline;
using GrantHub.Core.Applications;
using GrantHub.Core.Calls;

namespace GrantHub.Api.Features.Applications;

/// <summary>The fields of create and update that the lead edits while the application is a draft.</summary>
public interface IApplicationNarrativeInput
{
    string Title { get; }
    string Summary { get; }
    IReadOnlyList<Pillar> Pillars { get; }
    IReadOnlyList<string> Countries { get; }
    IReadOnlyList<TargetGroup> TargetGroups { get; }
    int DurationMonths { get; }
}

public static class ApplicationNarrativeRules
{
    public const int MaxDurationMonths = 120;

    public static void ValidNarrative<T>(this AbstractValidator<T> validator)
        where T : IApplicationNarrativeInput
    {
        validator.RuleFor(a => a.Title).NotEmpty().MaximumLength(300);
        validator.RuleFor(a => a.Summary).NotEmpty().MaximumLength(10_000);
        validator.RuleFor(a => a.Pillars).Cascade(CascadeMode.Stop).NotEmpty()
            .Must(pillars => pillars.Distinct().Count() == pillars.Count).WithMessage("Pillars must not repeat.");
        validator.RuleForEach(a => a.Pillars).IsInEnum();
        validator.RuleFor(a => a.Countries).Cascade(CascadeMode.Stop).NotEmpty()
            .Must(countries => countries.Count <= 60).WithMessage("At most 60 countries.")
            .Must(countries => countries.Distinct().Count() == countries.Count).WithMessage("Countries must not repeat.");
        validator.RuleForEach(a => a.Countries).IsCountryCode();
        validator.RuleFor(a => a.TargetGroups).Cascade(CascadeMode.Stop).NotNull()
            .Must(groups => groups.Distinct().Count() == groups.Count).WithMessage("Target groups must not repeat.");
        validator.RuleForEach(a => a.TargetGroups).IsInEnum();
        validator.RuleFor(a => a.DurationMonths).InclusiveBetween(1, MaxDurationMonths);
    }

    /// <summary>Adds a failure on <c>pillars</c> for every pillar the call does not fund.</summary>
    public static void CheckPillarsFundedBy<T>(this ValidationContext<T> context, IReadOnlyList<Pillar> requested, IReadOnlyCollection<Pillar> funded)
    {
        foreach (var pillar in requested.Where(p => !funded.Contains(p)).Distinct())
        {
            context.AddFailure(nameof(IApplicationNarrativeInput.Pillars), $"The call does not fund the pillar {pillar}.");
        }
    }

    public static ApplicationNarrative ToNarrative(this IApplicationNarrativeInput input) => new(
        input.Title.Trim(),
        input.Summary.Trim(),
        input.Pillars,
        input.Countries,
        input.TargetGroups,
        input.DurationMonths);
}
