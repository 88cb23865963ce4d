using S3Emulator.Core.Model;

namespace S3Emulator.Core.Storage.Index;

/// <summary>An object's record together with the store-specific handle to its immutable content.</summary>
internal sealed record IndexedObject<TContent>(ObjectInfo Info, TContent Content)
    where TContent : class;

/// <summary>A multipart part's record together with the store-specific handle to its immutable content.</summary>
internal sealed record IndexedPart<TContent>(PartInfo Info, TContent Content)
    where TContent : class;
