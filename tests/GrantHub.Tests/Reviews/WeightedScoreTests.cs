using GrantHub.Core.Applications;
using GrantHub.Core.Calls;
using GrantHub.Core.Common;
using GrantHub.Core.Organisations;
using GrantHub.Core.Reviews;

using static GrantHub.Tests.Infrastructure.Amounts;

namespace GrantHub.Tests.Reviews;

/// <summary>The weighted score on its own: Σ weight × score / maxScore, whatever each criterion's scale.</summary>
public class WeightedScoreTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static readonly IReadOnlyList<RubricCriterion> Rubric =
    [
        new("Relevance", 50, 10),
        new("Consortium", 30, 4),
        new("Safety", 20, 3),
    ];

    [Fact]
    public void Criteria_on_different_scales_weigh_as_their_weights_say()
    {
        var score = ReviewAssignment.WeightedScoreOf([new("Relevance", 7), new("Consortium", 3), new("Safety", 2)], Rubric);

        Assert.Equal(35 + 22.5 + (40.0 / 3), score, precision: 10);
    }

    [Fact]
    public void Full_marks_make_one_hundred_and_nothing_makes_zero()
    {
        Assert.Equal(100, ReviewAssignment.WeightedScoreOf([new("Relevance", 10), new("Consortium", 4), new("Safety", 3)], Rubric), precision: 10);
        Assert.Equal(0, ReviewAssignment.WeightedScoreOf([new("Relevance", 0), new("Consortium", 0), new("Safety", 0)], Rubric));
    }

    [Fact]
    public void The_draft_takes_only_the_rubric_s_criteria_within_their_scale_and_names_them_as_the_rubric_does()
    {
        var review = Assigned();
        review.DeclareConflict(hasConflict: false, statement: null, Now);

        Assert.Equal("score-not-in-rubric", Assert.Throws<BusinessRuleException>(() => review.SaveDraft([new("Impact", 1)], null, Rubric, Now)).Rule);
        Assert.Equal("score-out-of-range", Assert.Throws<BusinessRuleException>(() => review.SaveDraft([new("Safety", 4)], null, Rubric, Now)).Rule);
        Assert.Equal("score-repeated", Assert.Throws<BusinessRuleException>(() =>
            review.SaveDraft([new("Safety", 1), new("safety", 2)], null, Rubric, Now)).Rule);
        review.SaveDraft([new(" safety ", 3)], " Fine. ", Rubric, Now);
        Assert.Equal([new CriterionScore("Safety", 3)], review.Scores);
        Assert.Equal("Fine.", review.Comment);
    }

    private static ReviewAssignment Assigned()
    {
        var call = new Call(
            new CallTerms(
                Guid.NewGuid(), "Core funding", "", [Pillar.Participation], ["NP"], EuroCents(1), EuroCents(300_000_00), 12, 36,
                Now.AddDays(-1), Now.AddDays(30), ConsortiumRequired: false, MinPartners: 0, MaxPartners: 3, Rubric, MinReviewsPerApplication: 1),
            Guid.NewGuid(),
            Now.AddDays(-2));
        call.Publish(Now.AddDays(-2));
        var lead = new Organisation("Lead", "NP", OrganisationType.WomensRightsOrganisation, null, null, womenLed: true, sensitive: false, Guid.NewGuid(), Now);
        var application = Application.Draft(call, lead.Id, "EUR", new("Title", "Summary", [Pillar.Participation], ["NP"], [], 12), Guid.NewGuid(), Now);
        application.SetBudget([new BudgetLine(lead.Id, 1, EuroCents(10_000_00))], Now);
        application.Submit(call, lead, Now);
        return ReviewAssignment.Assign(application, Guid.NewGuid(), new HashSet<Guid>(), Now.AddDays(7), Guid.NewGuid(), Now);
    }
}
