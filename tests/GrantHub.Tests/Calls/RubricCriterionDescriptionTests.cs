using System.Net;
using GrantHub.Api.Features.Calls;
using GrantHub.Api.Features.Reviews;
using GrantHub.Tests.Applications;
using GrantHub.Tests.Infrastructure;
using GrantHub.Tests.Reviews;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace GrantHub.Tests.Calls;

/// <summary>A rubric criterion's description: optional, at most 2,000 characters, edited with the call, read by its reviewers.</summary>
public class RubricCriterionDescriptionTests(GrantHubFactory factory) : IClassFixture<GrantHubFactory>
{
    private const string RelevanceDescription = "How directly the work advances women's participation in peace processes.";

    [Fact]
    public async Task A_criterion_s_description_is_optional_kept_as_typed_and_changed_by_an_update()
    {
        var officer = await factory.Officer();
        var input = TestData.CallInput((await factory.CreateFund()).Id, factory.Clock.GetUtcNow()) with
        {
            Rubric = [new("Relevance", 60, 5, $"  {RelevanceDescription}\n"), new("Consortium", 40, 5)],
        };

        var created = await (await officer.PostJson("/api/calls", input)).ReadAs<CallResponse>(HttpStatusCode.Created);
        Assert.Equal([RelevanceDescription, ""], created.Rubric.Select(r => r.Description));

        var changed = input with { Rubric = [new("Relevance", 60, 5), new("Consortium", 40, 5, "Every partner has a real role and budget.")] };
        await (await officer.PutJson($"/api/calls/{created.Id}", changed)).ShouldBe(HttpStatusCode.OK);

        var read = await (await officer.GetAsync($"/api/calls/{created.Id}")).ReadAs<CallResponse>();
        Assert.Equal(["", "Every partner has a real role and budget."], read.Rubric.Select(r => r.Description));
    }

    [Fact]
    public async Task A_description_longer_than_2000_characters_is_refused_on_its_field_and_changes_nothing()
    {
        var officer = await factory.Officer();
        var call = await factory.CreateCall();
        var input = TestData.CallInput(call.FundId, factory.Clock.GetUtcNow());
        var tooLong = input with { Title = "Never saved", Rubric = [new("Relevance", 60, 5, new string('a', 2_001)), new("Consortium", 40, 5)] };

        await (await officer.PostJson("/api/calls", tooLong)).ShouldBeInvalid("rubric[0].description");
        await (await officer.PutJson($"/api/calls/{call.Id}", tooLong)).ShouldBeInvalid("rubric[0].description");

        Assert.False(await factory.WithDb(db => db.Calls.AnyAsync(c => c.Title == "Never saved")));
        var atTheLimit = input with { Rubric = [new("Relevance", 60, 5, new string('a', 2_000)), new("Consortium", 40, 5)] };
        await (await officer.PutJson($"/api/calls/{call.Id}", atTheLimit)).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_reviewer_reads_each_criterion_s_description_beside_its_maximum()
    {
        var call = await factory.OpenCall(input => input with
        {
            Rubric = [new(ReviewTestData.RelevanceCriterion, 60, 5, RelevanceDescription), new(ReviewTestData.ConsortiumCriterion, 40, 5)],
        });
        var consortium = await factory.SubmittedConsortium(call);
        var reviewer = await factory.NewReviewer();
        var assignment = await factory.Assign(consortium.Id, reviewer);

        var review = await (await reviewer.Client.GetAsync($"/api/reviews/{assignment.Id}")).ReadAs<ReviewAssignmentResponse>();

        Assert.Equal(
            [(ReviewTestData.RelevanceCriterion, 5, RelevanceDescription), (ReviewTestData.ConsortiumCriterion, 5, "")],
            review.Rubric.Select(r => (r.Criterion, r.MaxScore, r.Description)));
    }

    [Fact]
    public async Task A_call_saved_before_criteria_had_descriptions_reads_them_as_empty_after_the_migration_in_the_same_order()
    {
        var described = await factory.CreateCall(TestData.CallInput((await factory.CreateFund()).Id, factory.Clock.GetUtcNow()) with
        {
            Title = $"Described {Guid.NewGuid():N}",
            Rubric = [new("Relevance", 60, 5, RelevanceDescription), new("Consortium", 40, 5)],
        });
        var older = await factory.CreateCall(TestData.CallInput(described.FundId, factory.Clock.GetUtcNow()) with { Title = $"Older {Guid.NewGuid():N}" });
        const string rubricAsStoredBefore = """[{"Criterion":"Safety","MaxScore":4,"Weight":30},{"Criterion":"Relevance","MaxScore":5,"Weight":70}]""";

        await factory.WithDb(async db =>
        {
            await db.Database.ExecuteSqlAsync($"UPDATE Calls SET Rubric = {rubricAsStoredBefore} WHERE Title = {older.Title}");
            foreach (var statement in MigrationStatements(db, "DescribeRubricCriteria"))
            {
                await db.Database.ExecuteSqlRawAsync(statement);
            }

            return 0;
        });

        var officer = await factory.Officer();
        var migrated = await (await officer.GetAsync($"/api/calls/{older.Id}")).ReadAs<CallResponse>();
        Assert.Equal([new RubricCriterionInput("Safety", 30, 4, ""), new RubricCriterionInput("Relevance", 70, 5, "")], migrated.Rubric);
        var untouched = await (await officer.GetAsync($"/api/calls/{described.Id}")).ReadAs<CallResponse>();
        Assert.Equal([RelevanceDescription, ""], untouched.Rubric.Select(r => r.Description));
    }

    /// <summary>The SQL of a migration's Up, as the database's own provider's migrations assembly writes it.</summary>
    private static IEnumerable<string> MigrationStatements(DbContext db, string migrationName)
    {
        var migrations = db.GetService<IMigrationsAssembly>();
        var migration = migrations.CreateMigration(
            migrations.Migrations.Single(m => m.Key.EndsWith($"_{migrationName}", StringComparison.Ordinal)).Value,
            db.Database.ProviderName!);
        return migration.UpOperations.Select(operation => Assert.IsType<SqlOperation>(operation).Sql);
    }
}
