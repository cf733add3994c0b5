using FluentValidation;
using GrantHub.Api.Infrastructure.Http;
using GrantHub.Api.Infrastructure.Security;
using GrantHub.Core.Data;
using GrantHub.Core.Identity;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Api.Features.Users;

public record ListUsersQuery(int Page = 1, int PageSize = Paging.DefaultPageSize, string? Role = null)
    : IQuery<PagedResponse<StaffUserResponse>>, IPagedQuery;

public sealed class ListUsersValidator : AbstractValidator<ListUsersQuery>
{
    public ListUsersValidator()
    {
        this.ValidPaging();
        RuleFor(q => q.Role).Must(role => role is null || Roles.All.Contains(role))
            .WithMessage($"Roles are {string.Join(", ", Roles.All)}.");
    }
}

/// <summary>Admins list every account; programme officers list staff only (e.g. to pick reviewers).</summary>
public sealed class ListUsersHandler(GrantHubDbContext db, ICurrentUser currentUser)
    : IQueryHandler<ListUsersQuery, PagedResponse<StaffUserResponse>>
{
    public async ValueTask<PagedResponse<StaffUserResponse>> Handle(ListUsersQuery query, CancellationToken cancellationToken)
    {
        var isAdmin = currentUser.IsInRole(Roles.Admin);
        var users = db.Users.AsNoTracking();
        if (query.Role is not null)
        {
            users = users.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == query.Role)));
        }
        else if (!isAdmin)
        {
            users = users.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id));
        }

        var total = await users.CountAsync(cancellationToken);
        var page = await users.OrderBy(u => u.Email).PageOf(query)
            .Select(u => new
            {
                u.Id,
                u.Email,
                u.DisplayName,
                Disabled = u.LockoutEnd != null,
                u.TwoFactorEnabled,
                Roles = db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToList(),
            })
            .ToListAsync(cancellationToken);
        return new PagedResponse<StaffUserResponse>(
            [.. page.Select(u => new StaffUserResponse(u.Id, u.Email!, u.DisplayName, u.Roles) { Disabled = u.Disabled, TwoFactorEnabled = u.TwoFactorEnabled })], query.Page, query.PageSize, total);
    }
}
