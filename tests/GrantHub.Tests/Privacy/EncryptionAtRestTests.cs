using System.Net;
using GrantHub.Api.Features.Organisations;
using GrantHub.Api.Infrastructure.Database;
using GrantHub.Core.Data;
using GrantHub.Tests.Emergency;
using GrantHub.Tests.Infrastructure;
using GrantHub.Tests.Organisations;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Tests.Privacy;

/// <summary>A copy of the database alone does not reveal who is at risk or what they asked for.</summary>
public class EncryptionAtRestTests(GrantHubFactory factory) : IClassFixture<GrantHubFactory>
{
    [Fact]
    public async Task An_at_risk_organisations_name_and_registration_number_and_its_emergency_texts_are_unreadable_in_the_database_file_but_readable_through_the_application()
    {
        var ownerEmail = $"owner-{Guid.NewGuid():N}@example.org";
        var owner = await factory.NewApplicant(ownerEmail);
        var name = $"Defenders Shelter {Guid.NewGuid():N}";
        var registration = $"BI-{Guid.NewGuid():N}"[..20];
        var organisation = await (await owner.PostJson("/api/organisations", OrganisationTestData.OrganisationInput("BI", sensitive: true, name) with { RegistrationNumber = registration }))
            .ReadAs<OrganisationResponse>(HttpStatusCode.Created);
        var fund = await factory.CreateRapidResponseFund();
        var justification = $"Our coordinator must leave Gitega tonight {Guid.NewGuid():N}";
        var request = await owner.Submit(factory.Body(organisation.Id, fund.Id, justification: justification));
        var financeComment = $"The safe house is not eligible {Guid.NewGuid():N}";
        await (await (await factory.Finance()).Reject(request.Id, financeComment)).ShouldBe(HttpStatusCode.OK);

        string[] secrets = [name, registration, justification, financeComment];
        if (!TestSqlServer.Enabled)
        {
            Assert.True(DatabaseFile.Holds(factory, ownerEmail), "The byte search finds a text stored in clear (the account's address).");
            Assert.All(secrets, secret => Assert.False(DatabaseFile.Holds(factory, secret), $"In the write-ahead log or the file: {secret}"));
            await DatabaseFile.Checkpoint(factory);
            Assert.All(secrets, secret => Assert.False(DatabaseFile.Holds(factory, secret), $"In the file after a checkpoint: {secret}"));
        }

        var read = await (await owner.GetAsync($"/api/organisations/{organisation.Id}")).ReadAs<OrganisationResponse>();
        Assert.Equal((name, registration), (read.Name, read.RegistrationNumber));
        var readRequest = await (await owner.GetAsync($"{EmergencyTestData.Url}/{request.Id}")).ReadJson();
        Assert.Equal(justification, readRequest.GetProperty("justification").GetString());
        Assert.Equal(financeComment, readRequest.GetProperty("rejectionReason").GetString());
        Assert.Equal(organisation.Id, await factory.WithDb(db => db.Organisations.NamedExactly(db.Cipher, name.ToUpperInvariant()).Select(o => o.Id).SingleAsync()));
    }

    [Fact]
    public async Task Names_stored_in_clear_before_encryption_are_encrypted_by_the_one_off_step_and_still_found_by_name()
    {
        var owner = await factory.NewOrganisation();
        var legacyName = $"Legacy Collective {Guid.NewGuid():N}";
        await factory.WithDb(db => db.Database.ExecuteSqlAsync(
            $"UPDATE Organisations SET Name = {legacyName}, NameLookup = NULL WHERE Id = {owner.Organisation.Id}"));
        Assert.Equal(legacyName, await StoredName(owner.Organisation.Id));
        Assert.Equal(legacyName, (await (await owner.Client.GetAsync($"/api/organisations/{owner.Organisation.Id}")).ReadAs<OrganisationResponse>()).Name);

        await factory.WithDb(async db =>
        {
            await EncryptExistingFields.RunAsync(db);
            return 0;
        });

        Assert.StartsWith(FieldCipher.Prefix, await StoredName(owner.Organisation.Id));
        Assert.Equal(legacyName, (await (await owner.Client.GetAsync($"/api/organisations/{owner.Organisation.Id}")).ReadAs<OrganisationResponse>()).Name);
        Assert.Equal(owner.Organisation.Id, await factory.WithDb(db => db.Organisations.NamedExactly(db.Cipher, legacyName).Select(o => o.Id).SingleAsync()));
        if (!TestSqlServer.Enabled)
        {
            Assert.False(DatabaseFile.Holds(factory, legacyName));
        }
    }

    private Task<string> StoredName(Guid organisationId) =>
        factory.WithDb(db => db.Database.SqlQuery<string>($"SELECT Name AS Value FROM Organisations WHERE Id = {organisationId}").SingleAsync());
}
