using System.Globalization;

namespace S3Emulator.Core.Sts;

/// <summary>
/// Collects model-constraint violations and reports them as AWS's query services do, all in one
/// <c>ValidationError</c>: "2 validation errors detected: Value 'x' at 'roleSessionName' failed to satisfy
/// constraint: Member must …; Value …".
/// </summary>
internal sealed class ValidationErrors
{
    private readonly List<string> _violations = [];

    public void Null(string member) => _violations.Add($"Value null at '{member}' failed to satisfy constraint: Member must not be null");

    public void Add(string value, string member, string constraint) =>
        _violations.Add($"Value '{value}' at '{member}' failed to satisfy constraint: Member must {constraint}");

    public void Length(string value, string member, int min, int max)
    {
        if (value.Length < min) Add(value, member, string.Create(CultureInfo.InvariantCulture, $"have length greater than or equal to {min}"));
        if (value.Length > max) Add(value, member, string.Create(CultureInfo.InvariantCulture, $"have length less than or equal to {max}"));
    }

    /// <summary>Throws the collected violations, if any.</summary>
    public void ThrowIfAny()
    {
        if (_violations.Count == 0) return;
        var count = _violations.Count == 1 ? "1 validation error" : string.Create(CultureInfo.InvariantCulture, $"{_violations.Count} validation errors");
        throw new StsException(StsErrors.ValidationError($"{count} detected: {string.Join("; ", _violations)}"));
    }
}
