using System.Collections;
using System.Globalization;
using System.Net;
using System.Resources;
using System.Text.RegularExpressions;
using GrantHub.Api.Infrastructure.Email;
using GrantHub.Core.Emergency;
using GrantHub.Core.Organisations;
using GrantHub.Tests.Infrastructure;
using GrantHub.Tests.Organisations;
using GrantHub.Tests.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GrantHub.Tests.Notifications;

/// <summary>Every notification and e-mail exists in English and French and reaches each person in her own language, pointing at a web page.</summary>
public partial class NotificationLanguageTests(GrantHubFactory factory) : IClassFixture<GrantHubFactory>
{
    private static readonly CultureInfo French = new("fr");

    [Fact]
    public void Every_notification_text_has_its_french_version_with_the_same_placeholders_and_the_other_way_round()
    {
        var english = Texts(CultureInfo.InvariantCulture);
        var french = Texts(French);

        Assert.NotEmpty(english);
        Assert.Empty(english.Keys.Except(french.Keys).Order());
        Assert.Empty(french.Keys.Except(english.Keys).Order());
        Assert.Empty(french.Where(text => string.IsNullOrWhiteSpace(text.Value)).Select(text => text.Key));
        Assert.Empty(english.Keys.Where(key => !Placeholders(english[key]).SetEquals(Placeholders(french[key]))).Order());
    }

    [Fact]
    public void Every_notification_text_the_code_asks_for_exists()
    {
        var sources = Directory.EnumerateFiles(Path.Combine(RepositoryRoot(), "src", "GrantHub.Api"), "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.EndsWith("NotificationText.cs", StringComparison.Ordinal))
            .Select(File.ReadAllText)
            .Where(source => source.Contains("NotificationText", StringComparison.Ordinal));
        var asked = sources.SelectMany(source => TextKey().Matches(source).Select(match => match.Groups[1].Value)).ToHashSet();
        asked.UnionWith(Enum.GetNames<MembershipRole>().Select(role => $"MembershipRole.{role}"));
        asked.UnionWith(Enum.GetNames<EmergencyCategory>().Select(category => $"EmergencyCategory.{category}"));
        asked.UnionWith([$"InvitationAnswer.{InvitationStatus.Accepted}", $"InvitationAnswer.{InvitationStatus.Declined}"]);

        Assert.Contains("partner-invited.Body.AtRisk", asked);
        Assert.Contains("report-reminder.Lead.Todo.Overdue", asked);
        Assert.Empty(asked.Except(Texts(CultureInfo.InvariantCulture).Keys).Order());
    }

    [Fact]
    public void No_notification_links_to_the_api_only_to_web_pages()
    {
        var builders = Directory.EnumerateFiles(Path.Combine(RepositoryRoot(), "src", "GrantHub.Api", "Features"), "*.cs", SearchOption.AllDirectories)
            .Where(path => File.ReadAllText(path).Contains("NotificationMessage", StringComparison.Ordinal))
            .ToList();

        Assert.NotEmpty(builders);
        Assert.Empty(builders.Where(path => File.ReadAllText(path).Contains("\"/api/", StringComparison.Ordinal)).Select(Path.GetFileName));
    }

    [Fact]
    public async Task A_person_who_chose_french_is_told_in_french_and_one_who_did_not_in_english()
    {
        var owner = await factory.NewOrganisation("NP");
        var francophone = $"francophone-{Guid.NewGuid():N}@example.org";
        var anglophone = $"anglophone-{Guid.NewGuid():N}@example.org";
        await factory.NewApplicant(francophone);
        await factory.NewApplicant(anglophone);
        var session = await WebSession.SignedIn(factory, francophone);
        await session.Read("/calls");
        var switched = await session.Post("/language", ("culture", "fr"), ("returnUrl", "/home"));
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Equal("fr", await factory.WithDb(db => db.Users.Where(u => u.Email == francophone).Select(u => u.PreferredCulture).SingleAsync()));

        await owner.Client.InviteTo(owner.OrganisationId, francophone, MembershipRole.Owner);
        await owner.Client.InviteTo(owner.OrganisationId, anglophone);

        var toFrancophone = await NotificationTo(francophone);
        Assert.Equal("Invitation à rejoindre une organisation", toFrancophone.Subject);
        Assert.Equal($"{owner.Organisation.Name} vous invite à la rejoindre en tant que propriétaire. Ouvrez vos invitations pour accepter ou refuser.", toFrancophone.Body);
        Assert.Equal("/home", toFrancophone.Link);
        var toAnglophone = await NotificationTo(anglophone);
        Assert.Equal("Invitation to join an organisation", toAnglophone.Subject);
        Assert.Equal($"{owner.Organisation.Name} invites you to join it as Member. Open your invitations to accept or decline.", toAnglophone.Body);
    }

    [Fact]
    public async Task An_account_registered_on_the_french_pages_is_told_in_french()
    {
        var email = $"inscrite-{Guid.NewGuid():N}@example.org";
        var visitor = WebSession.Open(factory, language: "fr");
        await visitor.Read("/account/register");
        await visitor.Post("/account/register", ("DisplayName", "Aline"), ("Email", email), ("Password", Api.Infrastructure.Seeding.DemoData.Password));

        Assert.Equal("fr", await factory.WithDb(db => db.Users.Where(u => u.Email == email).Select(u => u.PreferredCulture).SingleAsync()));
    }

    [Fact]
    public void Dates_and_amounts_are_written_the_french_way_in_french()
    {
        var text = new NotificationText(
            "emergency-submitted.Body",
            new NotificationText("EmergencyCategory.LegalAid"),
            new NotificationText("emergency.OfOrganisation", "Nari Shanti"),
            new NotificationAmount(12_500.5m, "EUR"),
            new DateTime(2027, 3, 5, 14, 30, 0, DateTimeKind.Utc));

        Assert.Equal(
            "Une demande (aide juridique) de Nari Shanti pour 12 500,50 EUR a été soumise. Une décision est promise d'ici le 5 mars 2027 à 14:30 UTC.",
            text.Render(French).Replace('\u202F', ' ').Replace('\u00A0', ' '));
        Assert.Equal(
            "A LegalAid request of Nari Shanti for 12,500.50 EUR was submitted. A decision is promised by 2027-03-05 14:30 UTC.",
            text.Render(NotificationTexts.English));
    }

    [Fact]
    public async Task One_message_to_several_people_is_written_in_each_one_s_language_and_only_once_per_person()
    {
        var francophone = $"francophone-{Guid.NewGuid():N}@example.org";
        var anglophone = $"anglophone-{Guid.NewGuid():N}@example.org";
        await factory.NewApplicant(francophone);
        await factory.NewApplicant(anglophone);
        var recipients = await factory.WithDb(async db =>
        {
            var users = await db.Users.Where(u => u.Email == francophone || u.Email == anglophone).ToListAsync();
            users.Single(u => u.Email == francophone).PreferredCulture = "fr";
            await db.SaveChangesAsync();
            return users.Select(u => u.Id).ToList();
        });
        var message = new NotificationMessage("language-check", new NotificationText("report.Which.Final"), new NotificationText("report.Until.Tomorrow"), "/home");
        var eventKey = $"language-check:{Guid.NewGuid():N}";

        async Task<int> NotifyBothAsync()
        {
            await using var scope = factory.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<Notifier>().NotifyManyAsync(
                recipients.Select(recipient => new OutgoingNotification(recipient, message, eventKey)), CancellationToken.None);
        }

        Assert.Equal(2, await NotifyBothAsync());
        Assert.Equal(0, await NotifyBothAsync());

        var written = await factory.WithDb(db => db.Notifications.AsNoTracking()
            .Where(n => n.Kind == "language-check" && recipients.Contains(n.RecipientUserId))
            .Join(db.Users, n => n.RecipientUserId, u => u.Id, (n, u) => new { u.Email, n.Subject, n.Body })
            .ToListAsync());
        Assert.Equal(2, written.Count);
        Assert.Equal(("rapport final", "demain"), written.Where(n => n.Email == francophone).Select(n => (n.Subject, n.Body)).Single());
        Assert.Equal(("final report", "tomorrow"), written.Where(n => n.Email == anglophone).Select(n => (n.Subject, n.Body)).Single());
    }

    private Task<Core.Notifications.Notification> NotificationTo(string email) =>
        factory.WithDb(db => db.Notifications.AsNoTracking().SingleAsync(n =>
            n.Kind == "organisation-invitation" && db.Users.Any(u => u.Id == n.RecipientUserId && u.Email == email)));

    private static Dictionary<string, string> Texts(CultureInfo culture) =>
        new ResourceManager(NotificationTexts.ResourceName, typeof(NotificationTexts).Assembly)
            .GetResourceSet(culture, createIfNotExists: true, tryParents: false)!
            .Cast<DictionaryEntry>()
            .ToDictionary(entry => (string)entry.Key, entry => (string)entry.Value!);

    private static HashSet<string> Placeholders(string text) => [.. Placeholder().Matches(text).Select(match => match.Groups[1].Value)];

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "GrantHub.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("The tests run outside the repository.");
    }

    [GeneratedRegex("""\{(\d+)[:}]""")]
    private static partial Regex Placeholder();

    // A key is a string literal like "partner-invited.Body.AtRisk" or "Email.Open" in code that writes notifications.
    [GeneratedRegex(@"""((?:[a-z][a-z-]*|Email)(?:\.[A-Z][A-Za-z]*)+)""")]
    private static partial Regex TextKey();
}
