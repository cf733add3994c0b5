using FluentValidation;
using GrantHub.Api.Infrastructure.Pipeline;
using GrantHub.Api.Infrastructure.Security;
using GrantHub.Core.Common;
using GrantHub.Core.Data;
using GrantHub.Core.Organisations;
using Mediator;

namespace GrantHub.Api.Features.Applications;

/// <summary>The fee the host read, optionally: a fee changed since is refused (409 <c>fiscal-host-terms-changed</c>). The web page always sends it.</summary>
public record ConsentAsFiscalHostRequest(decimal? FeePercent);

public record ConsentAsFiscalHostCommand(Guid Id, decimal? FeePercent = null) : ICommand<FiscalHostRequestResponse>, IHasId;

public record DeclineAsFiscalHostCommand(Guid Id) : ICommand<FiscalHostRequestResponse>, IHasId;

public sealed class ConsentAsFiscalHostValidator : AbstractValidator<ConsentAsFiscalHostCommand>
{
    public ConsentAsFiscalHostValidator() =>
        RuleFor(c => c.FeePercent).Must(fee => fee is null || decimal.Round(fee.Value, 2) == fee.Value).WithMessage("A fee has at most two decimals.");
}

/// <summary>
/// The host's owners consent or decline, while the application is a draft; its other members get 403, everyone who may
/// not see the request 404. The lead never answers for its host.
/// </summary>
public sealed class AnswerFiscalHostRequestHandler(GrantHubDbContext db, Viewer user, TimeProvider clock)
    : ICommandHandler<ConsentAsFiscalHostCommand, FiscalHostRequestResponse>,
        ICommandHandler<DeclineAsFiscalHostCommand, FiscalHostRequestResponse>
{
    public ValueTask<FiscalHostRequestResponse> Handle(ConsentAsFiscalHostCommand command, CancellationToken cancellationToken) =>
        AnswerAsync(command.Id, consents: true, command.FeePercent, cancellationToken);

    public ValueTask<FiscalHostRequestResponse> Handle(DeclineAsFiscalHostCommand command, CancellationToken cancellationToken) =>
        AnswerAsync(command.Id, consents: false, null, cancellationToken);

    private async ValueTask<FiscalHostRequestResponse> AnswerAsync(Guid id, bool consents, decimal? seenFeePercent, CancellationToken cancellationToken)
    {
        var application = await FiscalHostRequests.FindAsync(db, user, id, cancellationToken);
        var hostId = application.FiscalHostOrganisationId!.Value;
        if (await user.RoleInAsync(hostId, cancellationToken) != MembershipRole.Owner)
        {
            throw new ForbiddenException("Only the owners of the fiscal host organisation can answer its request.");
        }

        application.AnswerFiscalHost(hostId, consents, seenFeePercent is { } fee ? FiscalHostFees.ToBasisPoints(fee) : null, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return await FiscalHostRequests.ToResponseAsync(db, user, application, cancellationToken);
    }
}
