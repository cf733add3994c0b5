using FluentValidation;
using GrantHub.Core.Files;

namespace GrantHub.Api.Infrastructure.Uploads;

/// <summary>A file as a command carries it: the name it was uploaded under and its bytes. Its type is read from the bytes.</summary>
public sealed record UploadedFile(string Name, byte[] Content)
{
    /// <summary>Reads a form's file into memory (the request size limit already bounds it).</summary>
    public static async Task<UploadedFile?> FromFormAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        if (file is null)
        {
            return null;
        }

        using var buffer = new MemoryStream((int)Math.Min(file.Length, int.MaxValue));
        await file.CopyToAsync(buffer, cancellationToken);
        return new UploadedFile(file.FileName, buffer.ToArray());
    }
}

public static class UploadRules
{
    /// <summary>An upload is not empty, within the configured size, and its content is a PDF, Word, audio or video file, whatever its name.</summary>
    public static IRuleBuilderOptionsConditions<T, UploadedFile?> IsAcceptedUpload<T>(this IRuleBuilder<T, UploadedFile?> rule, UploadOptions options) =>
        rule.Custom((file, context) =>
        {
            if (file is null)
            {
                return;
            }

            if (file.Content.Length == 0)
            {
                context.AddFailure("The file is empty.");
            }
            else if (file.Content.LongLength > options.MaxBytes)
            {
                context.AddFailure($"The file is larger than the {options.MaxBytes / (1024 * 1024.0):0.#} MB allowed.");
            }
            else if (FileSignatures.Detect(file.Content) is null)
            {
                context.AddFailure(new FileTypeNotAcceptedException().Message);
            }
        });
}
