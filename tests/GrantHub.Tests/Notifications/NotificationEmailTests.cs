using System.Globalization;
using GrantHub.Api.Features.Notifications;
using GrantHub.Api.Infrastructure.Email;
using GrantHub.Core.Notifications;

namespace GrantHub.Tests.Notifications;

public class NotificationEmailTests
{
    private static readonly Notification Notification = new(
        Guid.NewGuid(), "review-due", "Review due in 3 days", "Your review of \"Safe Spaces\" is due on 2026-03-05.\n",
        "/api/reviews/mine", "review-due-3d:1", sendEmail: true, DateTimeOffset.UnixEpoch);

    private static readonly NotificationEmail.Recipient Rita = new("reviewer@granthub.local", "Rita Reviewer", NotificationTexts.English);

    [Fact]
    public void Links_are_absolute_under_the_public_base_url_including_its_path()
    {
        var email = NotificationEmail.Compose(Notification, Rita, new("https://example.org/granthub/", "noreply@mail.example.org", []));

        Assert.Contains("Open in GrantHub: https://example.org/granthub/api/reviews/mine", email.TextBody);
        Assert.Contains("https://example.org/granthub/home", email.TextBody);
        Assert.Equal($"notification-{Notification.Id:N}@mail.example.org", email.MessageId);
        Assert.Equal(("reviewer@granthub.local", "Rita Reviewer", "Review due in 3 days"), (email.ToAddress, email.ToName, email.Subject));
    }

    [Fact]
    public void Links_stay_relative_without_a_public_base_url()
    {
        var email = NotificationEmail.Compose(Notification, Rita, new(null, "noreply@example.org", []));

        Assert.StartsWith("Your review of \"Safe Spaces\" is due on 2026-03-05.", email.TextBody);
        Assert.Contains("Open in GrantHub: /api/reviews/mine", email.TextBody);
    }

    [Theory]
    [InlineData("Review due for SAFE SPACES network", true)]
    [InlineData("Review due in 3 days", false)]
    public void A_subject_naming_a_sensitive_organisation_is_replaced_whatever_its_case(string subject, bool replaced)
    {
        var context = new NotificationEmail.EmailContext(null, "noreply@example.org", ["Safe Spaces"]);

        Assert.Equal(replaced ? "GrantHub: you have a new notification" : subject, context.SafeSubject(subject, NotificationTexts.English));
    }

    [Fact]
    public void A_french_speaker_s_e_mail_speaks_french_around_the_notification()
    {
        var context = new NotificationEmail.EmailContext("https://example.org/", "noreply@example.org", ["Safe Spaces"]);
        var french = new NotificationEmail.Recipient("reviewer@granthub.local", "Rita Reviewer", new CultureInfo("fr"));

        var email = NotificationEmail.Compose(Notification, french, context);

        Assert.Contains("Ouvrir dans GrantHub : https://example.org/api/reviews/mine", email.TextBody);
        Assert.Contains("Toutes vos notifications, lues ou non, sont listées sur https://example.org/home.", email.TextBody);
        Assert.DoesNotContain("You receive", email.TextBody);
        Assert.Equal("GrantHub : vous avez une nouvelle notification", context.SafeSubject("About Safe Spaces", french.Language));
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 4)]
    [InlineData(6, 32)]
    [InlineData(7, 60)]
    [InlineData(50, 60)]
    public void Retries_back_off_exponentially_up_to_an_hour(int failedAttempts, int minutes) =>
        Assert.Equal(TimeSpan.FromMinutes(minutes), DispatchEmailsHandler.Backoff(failedAttempts));
}
