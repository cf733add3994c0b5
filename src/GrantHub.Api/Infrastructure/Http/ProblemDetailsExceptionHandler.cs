using System.Text.Json;
using FluentValidation;
using GrantHub.Api.Infrastructure.Database;
using GrantHub.Api.Infrastructure.Idempotency;
using GrantHub.Core.Common;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Api.Infrastructure.Http;

/// <summary>The one place where exceptions become RFC 9457 problem details.</summary>
public sealed class ProblemDetailsExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            ValidationException validation => ValidationProblem(validation),
            BadHttpRequestException badRequest => BadRequestProblem(badRequest),
            NotFoundException notFound => new ProblemDetails
            {
                Status = StatusCodes.Status404NotFound,
                Title = "Not found",
                Detail = $"The {notFound.ObjectType.ToLowerInvariant()} does not exist or is not yours.",
            },
            BusinessRuleException rule => new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = "Rule violated",
                Detail = rule.Message,
                Extensions = { ["rule"] = rule.Rule },
            },
            DbUpdateConcurrencyException => new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = "Concurrent change",
                Detail = "Someone else changed this record at the same time. Reload it and try again.",
                Extensions = { ["rule"] = "concurrent-change" },
            },
            DbUpdateException duplicate when DatabaseErrors.IsUniqueViolation(duplicate) => new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = "Concurrent change",
                Detail = "The same record was created at the same time by another request. Reload and try again.",
                Extensions = { ["rule"] = "concurrent-change" },
            },
            ForbiddenException forbidden => new ProblemDetails
            {
                Status = StatusCodes.Status403Forbidden,
                Title = "Forbidden",
                Detail = forbidden.Message,
            },
            IdempotencyException idempotency => new ProblemDetails
            {
                Status = idempotency.StatusCode,
                Title = "Idempotency key conflict",
                Detail = idempotency.Message,
            },
            _ => null,
        };

        if (problem is null)
        {
            return false;
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    /// <summary>Exceptions that answer a client's request (4xx): not errors of the server, so not logged as such.</summary>
    public static bool IsExpected(Exception exception) => exception is ValidationException or BadHttpRequestException
        or NotFoundException or BusinessRuleException or DbUpdateConcurrencyException or ForbiddenException or IdempotencyException
        || (exception is DbUpdateException update && DatabaseErrors.IsUniqueViolation(update));

    private static HttpValidationProblemDetails ValidationProblem(ValidationException validation)
    {
        var errors = validation.Errors
            .GroupBy(e => CamelCasePath(e.PropertyName))
            .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray());
        return new HttpValidationProblemDetails(errors)
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "Invalid input",
            Detail = "One or more fields are invalid.",
        };
    }

    private static ProblemDetails BadRequestProblem(BadHttpRequestException badRequest)
    {
        if (badRequest.InnerException is JsonException json)
        {
            var field = string.IsNullOrEmpty(json.Path) ? "body" : json.Path.TrimStart('$', '.');
            return new HttpValidationProblemDetails(new Dictionary<string, string[]>
            {
                [field] = [json is InvalidJsonValueException ? json.Message : "This field is unknown, repeated, or its value has the wrong type or format."],
            })
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "Invalid input",
                Detail = "The request body could not be read: it contains an unknown or repeated field, or a value of the wrong type or out of range.",
            };
        }

        return new ProblemDetails
        {
            Status = badRequest.StatusCode,
            Title = badRequest.StatusCode == StatusCodes.Status413PayloadTooLarge ? "Request too large" : "Bad request",
            Detail = badRequest.Message,
        };
    }

    private static string CamelCasePath(string propertyPath) =>
        string.Join('.', propertyPath.Split('.').Select(JsonNamingPolicy.CamelCase.ConvertName));
}
