using FluentValidation;
using GrantHub.Api.Infrastructure.Pipeline;
using GrantHub.Api.Infrastructure.Security;
using GrantHub.Core.Common;
using GrantHub.Core.Data;
using GrantHub.Core.Funds;
using GrantHub.Core.Grants;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Api.Features.Grants;

public record TerminateGrantRequest(string Reason);

public record TerminateGrantCommand(Guid Id, [property: SensitiveData] string Reason) : ICommand<GrantResponse>, IHasId;

public sealed class TerminateGrantValidator : AbstractValidator<TerminateGrantCommand>
{
    public TerminateGrantValidator() => RuleFor(c => c.Reason).NotEmpty().MaximumLength(2000);
}

/// <summary>Ends a grant early: unpaid tranches are cancelled and the unpaid remainder goes back to the fund's available budget.</summary>
public sealed class TerminateGrantHandler(GrantHubDbContext db, Viewer viewer, TimeProvider clock)
    : ICommandHandler<TerminateGrantCommand, GrantResponse>
{
    public async ValueTask<GrantResponse> Handle(TerminateGrantCommand command, CancellationToken cancellationToken)
    {
        var grant = await db.Grants.WithDetails().FindVisibleAsync(viewer, command.Id, cancellationToken);
        var fund = await db.Funds.FirstOrDefaultAsync(f => f.Id == grant.FundId, cancellationToken)
            ?? throw new NotFoundException(nameof(Fund), grant.FundId);

        var unpaid = grant.Terminate(command.Reason.Trim(), viewer.RequiredId(), clock.GetUtcNow());
        if (unpaid.IsPositive)
        {
            fund.Release(unpaid);
        }

        await db.SaveChangesAsync(cancellationToken);
        return GrantResponse.From(grant);
    }
}
