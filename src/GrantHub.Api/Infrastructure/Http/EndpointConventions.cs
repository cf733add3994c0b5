namespace GrantHub.Api.Infrastructure.Http;

public static class EndpointConventions
{
    /// <summary>Describes in OpenAPI the problem answers every API route can give.</summary>
    public static RouteGroupBuilder WithProblemResponses(this RouteGroupBuilder group)
    {
        group.ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return group;
    }

    /// <summary>
    /// Maps a GET route whose handler ASP.NET Core builds when the application starts, where the Request Delegate
    /// Generator builds every other route at compile time. For every handler with an <c>[AsParameters]</c> record: for
    /// one whose constructor takes a nullable reference type (<c>string?</c>, <c>Guid[]?</c>) the generator writes
    /// <c>typeof(string?)</c>, which does not compile (CS8639, dotnet/aspnetcore#58953), and for any of them it answers
    /// a value that does not parse (<c>?status=Bogus</c>) with a bare 400, where the handler built at start names the
    /// parameter and the value in the problem's detail.
    /// </summary>
    public static RouteHandlerBuilder MapGetBuiltAtStart(this IEndpointRouteBuilder routes, string pattern, Delegate handler) =>
        routes.MapBuiltAtStart(HttpMethods.Get, pattern, handler);

    /// <summary>
    /// Maps a POST route whose handler ASP.NET Core builds when the application starts. For handlers that bind form
    /// fields: the generated code reads the form of a request without a body and throws (a 500), where
    /// the handler built at start answers with a 400 problem.
    /// </summary>
    public static RouteHandlerBuilder MapPostBuiltAtStart(this IEndpointRouteBuilder routes, string pattern, Delegate handler) =>
        routes.MapBuiltAtStart(HttpMethods.Post, pattern, handler);

    private static RouteHandlerBuilder MapBuiltAtStart(this IEndpointRouteBuilder routes, string method, string pattern, Delegate handler)
    {
#pragma warning disable RDG002 // "Unable to statically resolve endpoint handler method": the generator skips this call, as meant.
        return routes.MapMethods(pattern, [method], handler);
#pragma warning restore RDG002
    }
}
