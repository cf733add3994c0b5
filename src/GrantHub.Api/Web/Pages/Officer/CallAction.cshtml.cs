using GrantHub.Api.Features.Applications;
using GrantHub.Api.Features.Calls;
using GrantHub.Api.Infrastructure.Security;
using GrantHub.Core.Applications;
using GrantHub.Core.Calls;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace GrantHub.Api.Web.Pages.Officer;

public enum CallAction
{
    Publish,
    Close,
    Cancel,
}

/// <summary>
/// Publishing, closing or cancelling a call, each after a page that says what will happen, in numbers: how many draft
/// applications will never be submitted, how many consortia a cancellation tells that nothing will be funded.
/// </summary>
[Authorize(Policy = Policies.ProgrammeOfficer)]
public sealed class CallActionModel : WebPage
{
    public CallResponse Call { get; private set; } = null!;
    public CallAction Action { get; private set; }
    public int Drafts { get; private set; }
    public int Waiting { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, string step, CancellationToken cancellationToken)
    {
        if (!Enum.TryParse<CallAction>(step, ignoreCase: true, out var parsed))
        {
            return NotFound();
        }

        Action = parsed;
        await LoadAsync(id, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, string step, CancellationToken cancellationToken)
    {
        if (!Enum.TryParse<CallAction>(step, ignoreCase: true, out var parsed))
        {
            return NotFound();
        }

        Action = parsed;
        var done = await TryAsync(() => (Action switch
        {
            CallAction.Publish => Mediator.Send(new PublishCallCommand(id), cancellationToken),
            CallAction.Close => Mediator.Send(new CloseCallCommand(id), cancellationToken),
            _ => Mediator.Send(new CancelCallCommand(id), cancellationToken),
        }).AsTask());
        if (done)
        {
            Confirmation = Text[$"CallAction.{Action}Done"];
            return LocalRedirect($"/calls/{id}");
        }

        await LoadAsync(id, cancellationToken);
        return Page();
    }

    private async Task LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        Call = await Mediator.Send(new GetCallQuery(id), cancellationToken);
        Drafts = await CountAsync(id, ApplicationStatus.Draft, cancellationToken);
        Waiting = await CountAsync(id, ApplicationStatus.Submitted, cancellationToken) + await CountAsync(id, ApplicationStatus.UnderReview, cancellationToken);
    }

    private async Task<int> CountAsync(Guid id, ApplicationStatus status, CancellationToken cancellationToken) =>
        (await Mediator.Send(new ListCallApplicationsQuery(id, Status: status, PageSize: 1), cancellationToken)).TotalCount;
}
