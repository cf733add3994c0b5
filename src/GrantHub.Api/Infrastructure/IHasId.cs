namespace GrantHub.Api.Infrastructure;

/// <summary>Names the object a command acted on (for the audit trail) or a resource's identity.</summary>
public interface IHasId
{
    Guid Id { get; }
}
