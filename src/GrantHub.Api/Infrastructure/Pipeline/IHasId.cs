namespace GrantHub.Api.Infrastructure.Pipeline;

/// <summary>Names the object a command acted on (for the audit trail) or a resource's identity.</summary>
public interface IHasId
{
    Guid Id { get; }
}
