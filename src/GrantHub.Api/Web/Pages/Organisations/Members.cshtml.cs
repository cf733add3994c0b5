using GrantHub.Api.Features.Organisations;
using GrantHub.Api.Features.Users;
using GrantHub.Core.Organisations;
using Microsoft.AspNetCore.Mvc;

namespace GrantHub.Api.Web.Pages.Organisations;

/// <summary>
/// Who belongs to the organisation, for its members. Owners also see the invitations waiting for an answer, invite
/// an e-mail address and revoke an invitation; the page says the same whether or not the address has an account.
/// </summary>
public sealed class MembersModel : WebPage
{
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public MembershipRole Role { get; set; } = MembershipRole.Member;

    public OrganisationResponse Organisation { get; private set; } = null!;
    public bool IsOwner { get; private set; }
    public IReadOnlyList<OrganisationInvitationResponse> Invitations { get; private set; } = [];

    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken) => await LoadAsync(id, cancellationToken);

    public async Task<IActionResult> OnPostInviteAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await TryAsync(() => Mediator.Send(new InviteMemberCommand(id, Email ?? "", Role), cancellationToken).AsTask()))
        {
            Confirmation = Text["Members.Invited", Email!.Trim()];
            return LocalRedirect($"/organisations/{id}/members");
        }

        await LoadAsync(id, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id, Guid invitationId, CancellationToken cancellationToken)
    {
        OrganisationInvitationResponse? revoked = null;
        if (await TryAsync(async () => revoked = await Mediator.Send(new RevokeInvitationCommand(id, invitationId), cancellationToken)))
        {
            Confirmation = Text["Members.Revoked", revoked!.Email];
            return LocalRedirect($"/organisations/{id}/members");
        }

        await LoadAsync(id, cancellationToken);
        return Page();
    }

    private async Task LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        Organisation = await Mediator.Send(new GetOrganisationQuery(id), cancellationToken);
        IsOwner = (await Mediator.Send(new GetMyMembershipsQuery(), cancellationToken)).Owns(id);
        if (IsOwner)
        {
            Invitations = await Mediator.Send(new ListOrganisationInvitationsQuery(id), cancellationToken);
        }
    }
}
