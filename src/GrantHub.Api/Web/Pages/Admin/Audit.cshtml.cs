using GrantHub.Api.Features.Audit;
using GrantHub.Api.Infrastructure.Http;
using GrantHub.Api.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace GrantHub.Api.Web.Pages.Admin;

/// <summary>The audit trail, filtered by command, person or object, and the verification of its hash chain in words.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class AuditModel : WebPage
{
    public PagedResponse<AuditEntryResponse> Entries { get; private set; } = null!;

    public AuditVerificationResponse? Verification { get; private set; }

    [BindProperty(SupportsGet = true)]
    public string? Command { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? UserEmail { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? ObjectId { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Entries = new PagedResponse<AuditEntryResponse>([], 1, Paging.DefaultPageSize, 0);
        await TryAsync(async () => Entries = await Mediator.Send(
            new ListAuditQuery(Math.Max(PageNumber, 1), Paging.DefaultPageSize * 2, ObjectId, Command, UserEmail), cancellationToken));
    }

    public async Task<IActionResult> OnPostVerifyAsync(CancellationToken cancellationToken)
    {
        Verification = await Mediator.Send(new VerifyAuditQuery(), cancellationToken);
        await OnGetAsync(cancellationToken);
        return Page();
    }
}
