using FluentValidation;
using FluentValidation.Results;
using GrantHub.Api.Infrastructure.Pipeline;
using GrantHub.Api.Infrastructure.Security;
using GrantHub.Core.Applications;
using GrantHub.Core.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Api.Features.Applications;

/// <summary>The registered organisation that is to receive and pass on the grant, and its fee (0 to 15 %, at most two decimals).</summary>
public record NameFiscalHostRequest(Guid OrganisationId, decimal FeePercent);

/// <summary>
/// An unregistered lead names its fiscal host on its draft. The host's owners are asked to consent; another host or another
/// fee asks again. An organisation at risk can be named only by someone who also belongs to it: to anyone else its id is
/// answered like an unknown one.
/// </summary>
public record NameFiscalHostCommand(Guid Id, Guid OrganisationId, decimal FeePercent) : ICommand<ApplicationResponse>, IHasId;

public sealed class NameFiscalHostValidator : AbstractValidator<NameFiscalHostCommand>
{
    public NameFiscalHostValidator()
    {
        RuleFor(c => c.OrganisationId).NotEmpty();
        RuleFor(c => c.FeePercent)
            .InclusiveBetween(0m, Application.MaxFiscalHostFeeBasisPoints / 100m)
            .WithMessage("A fiscal host's fee is 0 to 15 %.")
            .Must(fee => decimal.Round(fee, 2) == fee)
            .WithMessage("A fiscal host's fee has at most two decimals.");
    }
}

public sealed class NameFiscalHostHandler(GrantHubDbContext db, Viewer user, TimeProvider clock, ApplicationNotifications notifications)
    : ICommandHandler<NameFiscalHostCommand, ApplicationResponse>
{
    public async ValueTask<ApplicationResponse> Handle(NameFiscalHostCommand command, CancellationToken cancellationToken)
    {
        var application = await db.Applications.FindForLeadAsync(user, command.Id, cancellationToken);
        var host = await db.Organisations.FirstOrDefaultAsync(o => o.Id == command.OrganisationId, cancellationToken);
        if (host is null || (host.Sensitive && !await user.IsMemberOfAsync(host.Id, cancellationToken)))
        {
            throw new ValidationException([new ValidationFailure(nameof(command.OrganisationId), "No organisation can be named with this id.")]);
        }

        var lead = await db.Organisations.SingleAsync(o => o.Id == application.LeadOrganisationId, cancellationToken);
        if (application.NameFiscalHost(lead, host, FiscalHostFees.ToBasisPoints(command.FeePercent), clock.GetUtcNow()))
        {
            var callTitle = await db.Calls.Where(c => c.Id == application.CallId).Select(c => c.Title).SingleAsync(cancellationToken);
            await notifications.FiscalHostRequestedAsync(application, lead, host, callTitle, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        return await db.ToResponseAsync(application, user, cancellationToken);
    }
}

/// <summary>Fees travel as percentages with two decimals and are kept as basis points.</summary>
public static class FiscalHostFees
{
    public static int ToBasisPoints(decimal percent) => (int)(percent * 100m);

    public static decimal ToPercent(int basisPoints) => basisPoints / 100m;
}
