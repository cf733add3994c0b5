using System.Diagnostics;
using FluentValidation;
using GrantHub.Api.Infrastructure.Database;
using GrantHub.Api.Infrastructure.Http;
using GrantHub.Api.Infrastructure.Idempotency;
using GrantHub.Api.Infrastructure.Jobs;
using GrantHub.Api.Infrastructure.Observability;
using GrantHub.Api.Infrastructure.Security;
using GrantHub.Core.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Api.Infrastructure.Pipeline;

/// <summary>
/// One structured log line, one trace span and one duration measurement per command, HTTP or job alike: the command's
/// name, its outcome, how long it took, who sent it and which object it concerned. Only identifiers and codes are
/// written, never the command's fields (names, free text, finance comments stay out of logs and traces). A sweep
/// also logs what it found and did.
/// </summary>
public sealed class CommandLogBehavior<TMessage, TResponse>(
    ILogger<CommandLogBehavior<TMessage, TResponse>> logger, ICurrentUser currentUser, GrantHubMetrics metrics)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IBaseCommand
{
    private static readonly string Name = AuditTrail.CommandName(typeof(TMessage));

    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        using var activity = Telemetry.Commands.StartActivity($"command {Name}");
        activity?.SetTag("granthub.command", Name);
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await next(message, cancellationToken);
            Log(message, response, CommandOutcome.Succeeded, started, activity);
            return response;
        }
        catch (Exception exception)
        {
            var outcome = CommandOutcome.Of(exception);
            Log(message, default, outcome, started, activity);
            activity?.SetStatus(outcome == CommandOutcome.Failed ? ActivityStatusCode.Error : ActivityStatusCode.Unset);
            throw;
        }
    }

    private void Log(TMessage message, TResponse? response, string outcome, long started, Activity? activity)
    {
        var elapsed = Stopwatch.GetElapsedTime(started);
        var objectId = (response as IHasId)?.Id ?? (message as IHasId)?.Id;
        var userId = currentUser.Id;
        activity?.SetTag("granthub.outcome", outcome);
        activity?.SetTag("enduser.id", userId);
        activity?.SetTag("granthub.object_id", objectId);
        metrics.CommandDuration.Record(
            elapsed.TotalMilliseconds, new("granthub.command", Name), new("granthub.outcome", outcome));

        var level = outcome == CommandOutcome.Failed ? LogLevel.Error : LogLevel.Information;
        if (response is SweepResult sweep)
        {
            logger.Log(
                level,
                "Command {Command} {Outcome} in {DurationMs} ms by {UserId} on {ObjectId}: found {Found}, done {Done}, failed {Failed}",
                Name, outcome, Math.Round(elapsed.TotalMilliseconds, 1), userId, objectId, sweep.Found ?? sweep.Affected, sweep.Affected, sweep.Failed);
            return;
        }

        logger.Log(
            level,
            "Command {Command} {Outcome} in {DurationMs} ms by {UserId} on {ObjectId}",
            Name, outcome, Math.Round(elapsed.TotalMilliseconds, 1), userId, objectId);
    }
}

/// <summary>How a command ended, as a code: the problem-details classes, never the exception's text.</summary>
public static class CommandOutcome
{
    public const string Succeeded = "succeeded";
    public const string Invalid = "invalid";
    public const string NotFound = "not-found";
    public const string Forbidden = "forbidden";
    public const string Conflict = "conflict";
    public const string Failed = "failed";

    public static string Of(Exception exception) => exception switch
    {
        ValidationException or BadHttpRequestException => Invalid,
        NotFoundException => NotFound,
        ForbiddenException => Forbidden,
        BusinessRuleException rule => $"rule:{rule.Rule}",
        DbUpdateConcurrencyException or IdempotencyException => Conflict,
        DbUpdateException update when DatabaseErrors.IsUniqueViolation(update) => Conflict,
        OperationCanceledException => "cancelled",
        _ when ProblemDetailsExceptionHandler.IsExpected(exception) => "refused",
        _ => Failed,
    };
}
