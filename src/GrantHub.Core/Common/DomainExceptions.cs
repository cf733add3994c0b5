namespace GrantHub.Core.Common;

/// <summary>A business rule or lifecycle rule refused the operation (HTTP 409).</summary>
public class BusinessRuleException(string rule, string message) : Exception(message)
{
    /// <summary>A stable, machine-readable name of the rule, e.g. <c>call-not-editable</c>.</summary>
    public string Rule { get; } = rule;
}

/// <summary>The object does not exist or the caller is not entitled to it (HTTP 404).</summary>
public class NotFoundException(string objectType, object id)
    : Exception($"{objectType} '{id}' was not found.")
{
    public string ObjectType { get; } = objectType;
}

/// <summary>The caller is known but may not perform this action (HTTP 403).</summary>
public class ForbiddenException(string message) : Exception(message);
