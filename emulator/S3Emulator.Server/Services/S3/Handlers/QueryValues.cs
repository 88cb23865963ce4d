using System.Globalization;
using S3Emulator.Core.Errors;

namespace S3Emulator.Server.Services.S3.Handlers;

/// <summary>Reads typed query parameters with the InvalidArgument errors S3 gives for bad values.</summary>
internal static class QueryValues
{
    public static int? OptionalInt(S3RequestContext context, string name, int min, int max)
    {
        var raw = context.Query.Get(name);
        if (raw is null) return null;
        if (!int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < min)
        {
            throw new S3Exception(S3Errors.InvalidArgument($"Provided {name} not an integer or within integer range"),
                S3Exception.Detail("ArgumentName", name), S3Exception.Detail("ArgumentValue", raw));
        }
        return Math.Min(value, max);
    }
}
