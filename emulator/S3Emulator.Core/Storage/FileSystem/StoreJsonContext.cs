using System.Text.Json.Serialization;

namespace S3Emulator.Core.Storage.FileSystem;

/// <summary>Source-generated JSON for the store's records: no reflection, so trimming and AOT stay possible.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(BucketRecord))]
[JsonSerializable(typeof(ObjectRecord))]
[JsonSerializable(typeof(UploadRecord))]
[JsonSerializable(typeof(PartRecord))]
[JsonSerializable(typeof(VersionRecord))]
internal sealed partial class StoreJsonContext : JsonSerializerContext;
