namespace S3Emulator.Core.Storage.Index;

/// <summary>Picks the parts a CompleteMultipartUpload names, in the order it names them.</summary>
internal static class PartSelection
{
    public static IReadOnlyList<IndexedPart<TContent>> Select<TContent>(
        IReadOnlyList<IndexedPart<TContent>> uploaded, IReadOnlyList<int> partNumbers)
        where TContent : class
    {
        var byNumber = uploaded.ToDictionary(p => p.Info.PartNumber);
        return [.. partNumbers.Select(n => byNumber.TryGetValue(n, out var part) ? part : throw StoreErrors.InvalidPart(n))];
    }
}
