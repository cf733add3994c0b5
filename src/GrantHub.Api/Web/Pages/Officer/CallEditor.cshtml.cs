using System.Globalization;
using GrantHub.Api.Features.Calls;
using GrantHub.Api.Features.Funds;
using GrantHub.Api.Infrastructure.Security;
using GrantHub.Core.Calls;
using GrantHub.Core.Funds;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace GrantHub.Api.Web.Pages.Officer;

/// <summary>One row of the rubric editor, as typed.</summary>
public sealed class RubricRow
{
    public string? Criterion { get; set; }
    public string? Weight { get; set; }
    public string? MaxScore { get; set; }
    public string? Description { get; set; }
}

/// <summary>
/// The call editor (<c>/calls/new</c>, and <c>/calls/{id}/edit</c> while the call is a draft), on the same create and
/// update commands as the API. Opening and closing times are typed in a chosen time zone and stored as UTC instants;
/// the rubric's rows left empty are ignored and its weights must sum to 100 (the command says so, with their sum).
/// </summary>
[Authorize(Policy = Policies.ProgrammeOfficer)]
public sealed class CallEditorModel(TimeProvider clock) : WebPage
{
    public const int RubricRowsAtFirst = 5;

    /// <summary>Time zones offered for opening and closing times: UTC first, then the IANA zones where the funds' partners work.</summary>
    public static readonly string[] TimeZones =
    [
        "UTC", "Europe/London", "Europe/Paris", "Europe/Oslo", "America/New_York", "America/Bogota", "America/Mexico_City",
        "Africa/Abidjan", "Africa/Bujumbura", "Africa/Kinshasa", "Africa/Nairobi", "Africa/Lagos", "Africa/Cairo",
        "Asia/Beirut", "Asia/Kabul", "Asia/Kathmandu", "Asia/Dhaka", "Asia/Manila", "Asia/Yangon", "Australia/Sydney",
    ];

    public Guid? CallId { get; private set; }
    public IReadOnlyList<FundResponse> Funds { get; private set; } = [];

    [BindProperty] public Guid? FundId { get; set; }
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Description { get; set; }
    [BindProperty] public List<Pillar> Pillars { get; set; } = [];
    [BindProperty] public string? EligibleCountries { get; set; }
    [BindProperty] public string? MinAmount { get; set; }
    [BindProperty] public string? MaxAmount { get; set; }
    [BindProperty] public int? MinDurationMonths { get; set; }
    [BindProperty] public int? MaxDurationMonths { get; set; }
    [BindProperty] public DateTime? OpensAt { get; set; }
    [BindProperty] public DateTime? ClosesAt { get; set; }
    [BindProperty] public string TimeZone { get; set; } = "UTC";
    [BindProperty] public bool ConsortiumRequired { get; set; }
    [BindProperty] public int? MinPartners { get; set; }
    [BindProperty] public int? MaxPartners { get; set; }
    [BindProperty] public List<RubricRow> Rubric { get; set; } = [];
    [BindProperty] public int? MinReviewsPerApplication { get; set; }

    public int WeightSum => Rubric.Sum(r => int.TryParse(r.Weight, NumberStyles.Integer, CultureInfo.InvariantCulture, out var weight) ? weight : 0);

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        if (id is { } callId)
        {
            var call = await Mediator.Send(new GetCallQuery(callId), cancellationToken);
            if (call.Status != CallStatus.Draft)
            {
                // Only a draft is editable: the call's page says what can still be done with it.
                return LocalRedirect($"/calls/{callId}");
            }

            FundId = call.FundId;
            Title = call.Title;
            Description = call.Description;
            Pillars = [.. call.Pillars];
            EligibleCountries = string.Join(' ', call.EligibleCountries);
            MinAmount = WebText.Typed(call.MinAmount);
            MaxAmount = WebText.Typed(call.MaxAmount);
            MinDurationMonths = call.MinDurationMonths;
            MaxDurationMonths = call.MaxDurationMonths;
            OpensAt = call.OpensAt.UtcDateTime;
            ClosesAt = call.ClosesAt.UtcDateTime;
            ConsortiumRequired = call.Consortium.Required;
            MinPartners = call.Consortium.MinPartners;
            MaxPartners = call.Consortium.MaxPartners;
            Rubric = [.. call.Rubric.Select(r => new RubricRow
            {
                Criterion = r.Criterion, Weight = r.Weight.ToString(CultureInfo.InvariantCulture), MaxScore = r.MaxScore.ToString(CultureInfo.InvariantCulture),
                Description = r.Description,
            })];
            MinReviewsPerApplication = call.MinReviewsPerApplication;
        }
        else
        {
            var today = clock.GetUtcNow().UtcDateTime.Date;
            FundId = Funds.Count == 1 ? Funds[0].Id : null;
            OpensAt = today.AddDays(1);
            ClosesAt = today.AddDays(61).AddHours(17);
            MinDurationMonths = 12;
            MaxDurationMonths = 36;
            MinReviewsPerApplication = 2;
        }

        PadRubric(RubricRowsAtFirst);
        return Page();
    }

    public async Task<IActionResult> OnPostMoreRowsAsync(Guid? id, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        PadRubric(Rubric.Count + 3);
        ModelState.Clear();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        var input = Input(out var rowOf);
        if (input is not null)
        {
            CallResponse? saved = null;
            var done = await TryAsync(
                async () => saved = id is { } callId
                    ? await Mediator.Send(new UpdateCallCommand(callId, input), cancellationToken)
                    : await Mediator.Send(new CreateCallCommand(input), cancellationToken),
                field => FormField(field, rowOf));
            if (done)
            {
                Confirmation = Text["CallEditor.Saved"];
                return LocalRedirect($"/calls/{saved!.Id}");
            }
        }

        PadRubric(Rubric.Count);
        return Page();
    }

    /// <summary>The command's input from what was typed; null (with the field errors recorded) when something cannot be read.</summary>
    private CallInput? Input(out List<int> rowOf)
    {
        rowOf = [];
        var minAmount = WebText.ParseAmount(MinAmount);
        var maxAmount = WebText.ParseAmount(MaxAmount);
        if (minAmount is null)
        {
            ModelState.AddModelError(nameof(MinAmount), Text["Validation.Amount"]);
        }

        if (maxAmount is null)
        {
            ModelState.AddModelError(nameof(MaxAmount), Text["Validation.Amount"]);
        }

        var zone = TimeZones.Contains(TimeZone) ? TimeZoneInfo.FindSystemTimeZoneById(TimeZone) : null;
        if (zone is null)
        {
            ModelState.AddModelError(nameof(TimeZone), Text["CallEditor.ChooseTimeZone"]);
        }

        foreach (var (name, value) in new[] { (nameof(OpensAt), OpensAt), (nameof(ClosesAt), ClosesAt) })
        {
            if (value is null)
            {
                ModelState.AddModelError(name, Text["Validation.Required"]);
            }
        }

        var rubric = new List<RubricCriterionInput>();
        for (var i = 0; i < Rubric.Count; i++)
        {
            var row = Rubric[i];
            if (string.IsNullOrWhiteSpace(row.Criterion) && string.IsNullOrWhiteSpace(row.Weight) && string.IsNullOrWhiteSpace(row.MaxScore)
                && string.IsNullOrWhiteSpace(row.Description))
            {
                continue;
            }

            var weight = WholeNumber($"Rubric[{i}].Weight", row.Weight);
            var maxScore = WholeNumber($"Rubric[{i}].MaxScore", row.MaxScore);
            rubric.Add(new RubricCriterionInput(row.Criterion?.Trim() ?? "", weight ?? 0, maxScore ?? 0, row.Description));
            rowOf.Add(i);
        }

        if (!ModelState.IsValid)
        {
            return null;
        }

        return new CallInput(
            FundId ?? Guid.Empty,
            Title ?? "",
            Description,
            Pillars,
            [.. (EligibleCountries ?? "").Split([' ', ',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(c => c.ToUpperInvariant())],
            minAmount!.Value,
            maxAmount!.Value,
            MinDurationMonths ?? 0,
            MaxDurationMonths ?? 0,
            Instant(OpensAt!.Value, zone!),
            Instant(ClosesAt!.Value, zone!),
            new ConsortiumRule(ConsortiumRequired, MinPartners ?? 0, MaxPartners ?? 0),
            rubric,
            MinReviewsPerApplication ?? 0);
    }

    private int? WholeNumber(string field, string? typed)
    {
        if (int.TryParse(typed?.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        ModelState.AddModelError(field, Text["CallEditor.WholeNumber"]);
        return null;
    }

    /// <summary>A wall-clock time in the zone as the instant it names (an hour skipped by a clock change counts as the hour after).</summary>
    private static DateTimeOffset Instant(DateTime local, TimeZoneInfo zone)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(unspecified))
        {
            unspecified = unspecified.AddHours(1);
        }

        return new DateTimeOffset(unspecified, zone.GetUtcOffset(unspecified)).ToUniversalTime();
    }

    /// <summary>Command paths to form fields: "Consortium.MinPartners" is MinPartners; a rubric row keeps its place in the editor.</summary>
    private static string FormField(string property, IReadOnlyList<int> rowOf)
    {
        if (property.StartsWith("Consortium.", StringComparison.Ordinal))
        {
            return property["Consortium.".Length..];
        }

        if (property.StartsWith("Rubric[", StringComparison.Ordinal)
            && int.TryParse(property.AsSpan(7, property.IndexOf(']', StringComparison.Ordinal) - 7), CultureInfo.InvariantCulture, out var index)
            && index < rowOf.Count)
        {
            return $"Rubric[{rowOf[index]}]" + property[(property.IndexOf(']', StringComparison.Ordinal) + 1)..];
        }

        return property.StartsWith("EligibleCountries[", StringComparison.Ordinal) ? nameof(EligibleCountries) : property;
    }

    private void PadRubric(int rows)
    {
        while (Rubric.Count < rows)
        {
            Rubric.Add(new RubricRow());
        }
    }

    private async Task LoadAsync(Guid? id, CancellationToken cancellationToken)
    {
        CallId = id;
        Funds = (await Mediator.Send(new ListFundsQuery(PageSize: 100, Kind: FundKind.CoreFunding), cancellationToken)).Items;
    }
}
