using System.Globalization;
using System.Text.Json;
using GrantHub.Api.Features.Emergency;
using GrantHub.Api.Features.Funds;
using GrantHub.Api.Features.Users;
using GrantHub.Api.Infrastructure.Idempotency;
using GrantHub.Api.Infrastructure.Security;
using GrantHub.Core.Emergency;
using GrantHub.Core.Funds;
using Microsoft.AspNetCore.Mvc;

namespace GrantHub.Api.Web.Pages.Emergency;

/// <summary>
/// The short emergency form. It carries an Idempotency-Key generated when the form is shown, and goes through the
/// same idempotency store as the API (claimed, run and answered in the command's transaction): a double click or a
/// retry after a lost connection opens the request already made instead of making a second one.
/// </summary>
public sealed class CreateModel(IdempotencyStore idempotency, ICurrentUser user) : WebPage
{
    public IReadOnlyList<MyOrganisation> Organisations { get; private set; } = [];
    public IReadOnlyList<FundResponse> Funds { get; private set; } = [];

    [BindProperty] public string IdempotencyKey { get; set; } = "";
    [BindProperty] public Guid OrganisationId { get; set; }
    [BindProperty] public Guid FundId { get; set; }
    [BindProperty] public EmergencyCategory Category { get; set; }
    [BindProperty] public string? Amount { get; set; }
    [BindProperty] public string? Justification { get; set; }
    [BindProperty] public string? NeededBy { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        IdempotencyKey = Guid.NewGuid().ToString("N");
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var amount = WebText.ParseAmount(Amount);
        if (amount is null)
        {
            ModelState.AddModelError(nameof(Amount), Text["Validation.Amount"]);
        }

        if (!DateOnly.TryParseExact(NeededBy, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var neededBy))
        {
            ModelState.AddModelError(nameof(NeededBy), Text["Validation.Date"]);
        }

        if (!ModelState.IsValid || string.IsNullOrEmpty(IdempotencyKey) || IdempotencyKey.Length > 64)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }

        var command = new SubmitEmergencyRequestCommand(OrganisationId, FundId, amount!.Value, Category, Justification ?? "", neededBy);
        // The web form's keys live beside the API's, under a prefix of their own.
        idempotency.Expect(new IdempotentRequest(
            user.RequiredId(), "web:" + IdempotencyKey, IdempotencyStore.HashRequest("POST", "/emergency/new", command, JsonSerializerOptions.Web)));
        EmergencyRequestResponse? created = null;
        try
        {
            if (await TryAsync(async () => created = await Mediator.Send(command, cancellationToken)))
            {
                Confirmation = Text["Emergency.Sent"];
                return LocalRedirect($"/emergency/{created!.Id}");
            }
        }
        catch (IdempotencyException)
        {
            ModelState.AddModelError(string.Empty, Text["Emergency.AlreadySent"]);
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Organisations = (await Mediator.Send(new GetMeQuery(), cancellationToken)).Organisations;
        Funds = (await Mediator.Send(new ListFundsQuery(PageSize: 100, Kind: FundKind.RapidResponse), cancellationToken)).Items;
    }
}
