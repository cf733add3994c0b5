using GrantHub.Api.Features.Emergency;
using GrantHub.Api.Features.Finance;
using GrantHub.Api.Features.Grants;
using GrantHub.Api.Infrastructure.Security;
using GrantHub.Api.Infrastructure.Time;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace GrantHub.Api.Web.Pages.Finance;

/// <summary>
/// Approved money waiting to be paid (record the bank reference and date, or release an emergency request's money with
/// the reason), and the payments recorded in a period, read-only, with their CSV for accounting.
/// </summary>
[Authorize(Policy = Policies.FinanceOfficer)]
public sealed class PaymentsModel : WebPage
{
    public FinanceQueueResponse Queue { get; private set; } = null!;

    public PaymentsResponse Recorded { get; private set; } = null!;

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var clock = HttpContext.RequestServices.GetRequiredService<TimeProvider>();
        Today = clock.UtcToday();
        From ??= Today.AddDays(1 - Today.Day);
        To ??= Today;
        if (To < From)
        {
            (From, To) = (To, From);
        }

        Queue = await Mediator.Send(new GetFinanceQueueQuery(), cancellationToken);
        Recorded = new PaymentsResponse(From.Value, To.Value, []);
        await TryAsync(async () => Recorded = await Mediator.Send(new ListPaymentsQuery(From, To), cancellationToken));
    }

    public Task<IActionResult> OnPostEmergencyAsync(Guid id, string? reference, DateOnly? paidOn, CancellationToken cancellationToken) =>
        ActAsync(() => Mediator.Send(new RecordEmergencyPaymentCommand(id, reference ?? "", paidOn ?? DateOnly.MinValue), cancellationToken).AsTask(), "Finance.PaymentRecorded", cancellationToken);

    public Task<IActionResult> OnPostTrancheAsync(Guid id, int number, string? reference, DateOnly? paidOn, CancellationToken cancellationToken) =>
        ActAsync(() => Mediator.Send(new RecordTranchePaymentCommand(id, number, reference ?? "", paidOn), cancellationToken).AsTask(), "Finance.PaymentRecorded", cancellationToken);

    public Task<IActionResult> OnPostReleaseAsync(Guid id, string? reason, CancellationToken cancellationToken) =>
        ActAsync(() => Mediator.Send(new ReleaseEmergencyRequestCommand(id, reason ?? ""), cancellationToken).AsTask(), "Finance.Released", cancellationToken);

    private async Task<IActionResult> ActAsync(Func<Task> action, string confirmation, CancellationToken cancellationToken)
    {
        if (await TryAsync(action, _ => string.Empty))
        {
            Confirmation = Text[confirmation];
            return RedirectToPage();
        }

        await OnGetAsync(cancellationToken);
        return Page();
    }
}
