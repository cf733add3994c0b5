using GrantHub.Api.Features.Applications;
using GrantHub.Api.Features.Calls;
using GrantHub.Api.Features.Users;
using GrantHub.Core.Applications;
using GrantHub.Core.Calls;
using Microsoft.AspNetCore.Mvc;

namespace GrantHub.Api.Web.Pages.Applications;

public sealed class CreateModel : WebPage
{
    public CallResponse? Call { get; private set; }
    public IReadOnlyList<MyOrganisation> Organisations { get; private set; } = [];

    [BindProperty] public Guid LeadOrganisationId { get; set; }
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Summary { get; set; }
    [BindProperty] public List<Pillar> Pillars { get; set; } = [];
    [BindProperty] public List<string> Countries { get; set; } = [];
    [BindProperty] public List<TargetGroup> TargetGroups { get; set; } = [];
    [BindProperty] public int DurationMonths { get; set; }

    public NarrativeForm Narrative => new(Call!, Title, Summary, Pillars, Countries, TargetGroups, DurationMonths);

    public async Task OnGetAsync(Guid callId, CancellationToken cancellationToken)
    {
        await LoadAsync(callId, cancellationToken);
        DurationMonths = Call!.MinDurationMonths;
    }

    public async Task<IActionResult> OnPostAsync(Guid callId, CancellationToken cancellationToken)
    {
        await LoadAsync(callId, cancellationToken);
        ApplicationResponse? created = null;
        var saved = await TryAsync(async () => created = await Mediator.Send(
            new CreateApplicationCommand(callId, LeadOrganisationId, Title ?? "", Summary ?? "", Pillars, Countries, TargetGroups, DurationMonths),
            cancellationToken));
        if (!saved)
        {
            return Page();
        }

        Confirmation = Text["Application.Saved"];
        return LocalRedirect($"/applications/{created!.Id}");
    }

    private async Task LoadAsync(Guid callId, CancellationToken cancellationToken)
    {
        Call = await Mediator.Send(new GetCallQuery(callId), cancellationToken);
        Organisations = (await Mediator.Send(new GetMeQuery(), cancellationToken)).Organisations;
    }
}
