using FluentValidation;
using GrantHub.Core.Common;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace GrantHub.Api.Web;

/// <summary>
/// Base of every page: sends commands and queries through the same mediator as the API, and turns what the
/// use cases refuse into what a person understands: field errors next to their fields, a refused rule as one
/// sentence at the top of the form (the input stays), a friendly 404 or 403 page for what is not theirs.
/// </summary>
public abstract class WebPage : PageModel
{
    private ISender? _mediator;
    private IStringLocalizer<SharedResource>? _text;

    protected ISender Mediator => _mediator ??= HttpContext.RequestServices.GetRequiredService<ISender>();

    protected IStringLocalizer<SharedResource> Text => _text ??= HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();

    /// <summary>Shown at the top of the page after a successful action (kept across the redirect).</summary>
    [TempData]
    public string? Confirmation { get; set; }

    /// <summary>
    /// Runs a command; on refusal records the errors in ModelState (under the form's field name, which
    /// <paramref name="formField"/> may derive from the command's property path) and returns false.
    /// </summary>
    protected async Task<bool> TryAsync(Func<Task> action, Func<string, string>? formField = null)
    {
        try
        {
            await action();
            return true;
        }
        catch (ValidationException validation)
        {
            AddFieldErrors(validation.Errors, formField);
        }
        catch (BusinessRuleException rule)
        {
            ModelState.AddModelError(string.Empty, WebText.Rule(Text, rule.Rule, rule.Message));
        }
        catch (Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException)
        {
            ModelState.AddModelError(string.Empty, WebText.Rule(Text, "concurrent-change", ""));
        }

        return false;
    }

    /// <summary>
    /// Runs a command's validators without sending it, recording its field errors: for a form that cannot be sent
    /// because of a field only the page reads (a number that is not one), so every other error shows at the same time.
    /// </summary>
    protected async Task ValidateOnlyAsync<TMessage>(TMessage message, CancellationToken cancellationToken)
    {
        foreach (var validator in HttpContext.RequestServices.GetServices<IValidator<TMessage>>())
        {
            AddFieldErrors((await validator.ValidateAsync(message, cancellationToken)).Errors, null);
        }
    }

    private void AddFieldErrors(IEnumerable<FluentValidation.Results.ValidationFailure> failures, Func<string, string>? formField)
    {
        foreach (var failure in failures)
        {
            ModelState.AddModelError(formField is null ? failure.PropertyName : formField(failure.PropertyName), WebText.ValidationMessage(Text, failure));
        }
    }

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        switch (executed.Exception)
        {
            case NotFoundException:
                executed.Result = NotFound();
                executed.ExceptionHandled = true;
                break;
            case ForbiddenException:
                executed.Result = StatusCode(StatusCodes.Status403Forbidden);
                executed.ExceptionHandled = true;
                break;
        }
    }
}
