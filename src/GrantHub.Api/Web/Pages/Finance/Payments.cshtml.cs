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

    public Task<IActionResult> OnPostEmergencyAsync(
        Guid id, string? reference, DateOnly? paidOn, string? receivedAmount, string? receivedCurrency, string? exchangeRate, DateOnly? valueDate, CancellationToken cancellationToken) =>
        AsReceivedAsync(receivedAmount, exchangeRate, cancellationToken) ?? ActAsync(
            () => Mediator.Send(
                new RecordEmergencyPaymentCommand(
                    id, reference ?? "", paidOn ?? DateOnly.MinValue, WebText.ParseAmount(receivedAmount), Blank(receivedCurrency), WebText.ParseAmount(exchangeRate), valueDate),
                cancellationToken).AsTask(),
            "Finance.PaymentRecorded",
            cancellationToken);

    public Task<IActionResult> OnPostTrancheAsync(
        Guid id, int number, string? reference, DateOnly? paidOn, string? receivedAmount, string? receivedCurrency, string? exchangeRate, DateOnly? valueDate, CancellationToken cancellationToken) =>
        AsReceivedAsync(receivedAmount, exchangeRate, cancellationToken) ?? ActAsync(
            () => Mediator.Send(
                new RecordTranchePaymentCommand(
                    id, number, reference ?? "", paidOn, WebText.ParseAmount(receivedAmount), Blank(receivedCurrency), WebText.ParseAmount(exchangeRate), valueDate),
                cancellationToken).AsTask(),
            "Finance.PaymentRecorded",
            cancellationToken);

    public Task<IActionResult> OnPostReleaseAsync(Guid id, string? reason, CancellationToken cancellationToken) =>
        ActAsync(() => Mediator.Send(new ReleaseEmergencyRequestCommand(id, reason ?? ""), cancellationToken).AsTask(), "Finance.Released", cancellationToken);

    private async Task<IActionResult> ActAsync(Func<Task> action, string confirmation, CancellationToken cancellationToken)
    {
        if (await TryAsync(action, _ => string.Empty))
        {
            Confirmation = Text[confirmation];
            return RedirectToPage();
        }

        return await ReloadAsync(cancellationToken);
    }

    private static string? Blank(string? typed) => string.IsNullOrWhiteSpace(typed) ? null : typed.Trim().ToUpperInvariant();

    /// <summary>The page again with an error when a typed amount or rate of the payment as received is not a number; null when both are fine.</summary>
    private Task<IActionResult>? AsReceivedAsync(string? receivedAmount, string? exchangeRate, CancellationToken cancellationToken)
    {
        var unreadable = new[] { receivedAmount, exchangeRate }.Any(typed => !string.IsNullOrWhiteSpace(typed) && WebText.ParseAmount(typed) is null);
        if (!unreadable)
        {
            return null;
        }

        ModelState.AddModelError(string.Empty, Text["Validation.Amount"]);
        return ReloadAsync(cancellationToken);
    }

    private async Task<IActionResult> ReloadAsync(CancellationToken cancellationToken)
    {
        await OnGetAsync(cancellationToken);
        return Page();
    }
}
