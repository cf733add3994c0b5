using FluentValidation;
using GrantHub.Api.Infrastructure.Uploads;
using GrantHub.Api.Infrastructure.Email;
using GrantHub.Api.Infrastructure.Pipeline;
using GrantHub.Api.Infrastructure.Security;
using GrantHub.Api.Infrastructure.Time;
using GrantHub.Core.Applications;
using GrantHub.Core.Common;
using GrantHub.Core.Data;
using GrantHub.Core.Files;
using GrantHub.Core.Organisations;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GrantHub.Api.Features.Applications;

/// <summary>The answer and the attached file may describe people at risk: neither enters the audit trail.</summary>
public record AnswerInformationRequestCommand(
    Guid Id,
    Guid RequestId,
    [property: SensitiveData] string? Answer,
    [property: SensitiveData] UploadedFile? Attachment) : ICommand<InformationRequestResponse>, IHasId;

public sealed class AnswerInformationRequestValidator : AbstractValidator<AnswerInformationRequestCommand>
{
    public AnswerInformationRequestValidator(IOptions<UploadOptions> uploads)
    {
        RuleFor(c => c.Answer).NotEmpty().MaximumLength(InformationRequest.MaxAnswerLength);
        RuleFor(c => c.Attachment).IsAcceptedUpload(uploads.Value);
    }
}

/// <summary>
/// An owner of the lead organisation answers the officer's question, once, with text and optionally a file (checked by
/// its content); the officer who asked is told. Other members of the consortium read the question and the answer but do
/// not answer (403).
/// </summary>
public sealed class AnswerInformationRequestHandler(GrantHubDbContext db, Viewer viewer, Notifier notifier, TimeProvider clock)
    : ICommandHandler<AnswerInformationRequestCommand, InformationRequestResponse>
{
    public async ValueTask<InformationRequestResponse> Handle(AnswerInformationRequestCommand command, CancellationToken cancellationToken)
    {
        var application = await db.Applications.FindVisibleAsync(viewer, command.Id, cancellationToken);
        var request = await db.InformationRequests.FirstOrDefaultAsync(r => r.Id == command.RequestId && r.ApplicationId == application.Id, cancellationToken)
            ?? throw new NotFoundException("Question", command.RequestId);
        if (await viewer.RoleInAsync(application.LeadOrganisationId, cancellationToken) != MembershipRole.Owner)
        {
            throw new ForbiddenException("Only an owner of the lead organisation answers the programme officer's questions.");
        }

        var now = clock.GetUtcNow();
        StoredFile? attachment = null;
        if (command.Attachment is { } upload)
        {
            (attachment, var content) = StoredFile.Store(upload.Name, upload.Content, viewer.RequiredId(), now);
            db.StoredFiles.Add(attachment);
            db.StoredFileContents.Add(content);
        }

        request.AnswerWith(application, command.Answer!.Trim(), attachment?.Id, viewer.RequiredId(), now);
        await notifier.NotifyAsync(
            [request.AskedBy],
            new NotificationMessage(
                "information-answered",
                new NotificationText("information-answered.Subject"),
                new NotificationText("information-answered.Body"),
                $"/applications/{application.Id}/assessment"),
            $"information-answered:{request.Id:N}",
            cancellationToken);

        await db.SaveChangesAsync(cancellationToken);
        return InformationRequestResponse.From(request, attachment, clock.UtcToday());
    }
}
