using FluentValidation;

namespace GrantHub.Api.Infrastructure.Http;

public interface IPagedQuery
{
    int Page { get; }
    int PageSize { get; }
}

public record PagedResponse<T>(IReadOnlyList<T> Items, int Page, int PageSize, int TotalCount);

public static class Paging
{
    public const int MaxPageSize = 100;
    public const int DefaultPageSize = 20;

    /// <summary>Keeps (page - 1) * pageSize far from overflow.</summary>
    public const int MaxPage = 1_000_000;

    public static IQueryable<T> PageOf<T>(this IQueryable<T> source, IPagedQuery query) =>
        source.Skip((query.Page - 1) * query.PageSize).Take(query.PageSize);

    public static void ValidPaging<T>(this AbstractValidator<T> validator)
        where T : IPagedQuery
    {
        validator.RuleFor(q => q.Page).InclusiveBetween(1, MaxPage);
        validator.RuleFor(q => q.PageSize).InclusiveBetween(1, MaxPageSize);
    }
}
