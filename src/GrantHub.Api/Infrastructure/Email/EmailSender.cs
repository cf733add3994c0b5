using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace GrantHub.Api.Infrastructure.Email;

/// <summary>A plain-text e-mail; <see cref="MessageId"/> is stable per notification, so a resent copy can be recognised.</summary>
public record OutgoingEmail(string MessageId, string ToAddress, string? ToName, string Subject, string TextBody);

/// <summary>Opens one connection to the mail server for a batch of messages.</summary>
public interface IEmailSender
{
    Task<IEmailConnection> ConnectAsync(CancellationToken cancellationToken);
}

public interface IEmailConnection : IAsyncDisposable
{
    /// <summary>Hands the message to the server. Throws <see cref="EmailRejectedException"/> when the server refuses this message for good.</summary>
    Task SendAsync(OutgoingEmail email, CancellationToken cancellationToken);
}

/// <summary>The server permanently refused this one message (a 5xx answer to its recipient or content), not the connection.</summary>
public sealed class EmailRejectedException(string message, Exception innerException) : Exception(message, innerException);

/// <summary>SMTP with MailKit: connect, authenticate when a user name is configured, send, quit.</summary>
public sealed class SmtpEmailSender(IOptions<SmtpOptions> options, TimeProvider clock) : IEmailSender
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(30);

    public async Task<IEmailConnection> ConnectAsync(CancellationToken cancellationToken)
    {
        var smtp = options.Value;
        if (!smtp.Enabled || string.IsNullOrWhiteSpace(smtp.From))
        {
            throw new InvalidOperationException("E-mail is not configured (Smtp:Host and Smtp:From).");
        }

        var client = new SmtpClient { Timeout = (int)CommandTimeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(smtp.Host, smtp.Port, smtp.UseStartTls ? SecureSocketOptions.StartTls : SecureSocketOptions.None, cancellationToken);
            if (!string.IsNullOrWhiteSpace(smtp.Username))
            {
                await client.AuthenticateAsync(smtp.Username, smtp.Password ?? "", cancellationToken);
            }

            return new SmtpEmailConnection(client, new MailboxAddress(smtp.FromName, smtp.From), clock);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    private sealed class SmtpEmailConnection(SmtpClient client, MailboxAddress from, TimeProvider clock) : IEmailConnection
    {
        public async Task SendAsync(OutgoingEmail email, CancellationToken cancellationToken)
        {
            var message = new MimeMessage
            {
                MessageId = email.MessageId,
                Date = clock.GetUtcNow(),
                Subject = email.Subject,
                Body = new TextPart(MimeKit.Text.TextFormat.Plain) { Text = email.TextBody },
            };
            message.From.Add(from);
            message.To.Add(new MailboxAddress(email.ToName, email.ToAddress));
            // RFC 3834: tells out-of-office responders not to answer.
            message.Headers.Add("Auto-Submitted", "auto-generated");

            try
            {
                await client.SendAsync(message, cancellationToken);
            }
            catch (SmtpCommandException rejected) when ((int)rejected.StatusCode >= 500
                && rejected.ErrorCode is SmtpErrorCode.RecipientNotAccepted or SmtpErrorCode.MessageNotAccepted)
            {
                throw new EmailRejectedException($"{(int)rejected.StatusCode} {rejected.Message}", rejected);
            }
        }

        public async ValueTask DisposeAsync()
        {
            try
            {
                if (client.IsConnected)
                {
                    await client.DisconnectAsync(quit: true, CancellationToken.None);
                }
            }
            catch (Exception)
            {
                // Every message of the batch is already accepted or recorded as failed: a failed QUIT changes nothing.
            }
            finally
            {
                client.Dispose();
            }
        }
    }
}
