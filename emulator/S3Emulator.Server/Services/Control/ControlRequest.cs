using S3Emulator.Server.Services.S3.Routing;

namespace S3Emulator.Server.Services.Control;

/// <summary>What an S3 Control request asks for, decided from method, raw target and <c>x-amz-account-id</c> alone.</summary>
/// <param name="Operation">The operation; <see cref="ControlOperation.Unknown"/> for a path the emulator does not serve.</param>
/// <param name="AccountId">The <c>x-amz-account-id</c> header; null when the request carries none.</param>
/// <param name="Name">The access point or Object Lambda access point named in the path (an ARN's name part), decoded; null for account-level operations.</param>
/// <param name="Path">The path after <c>/v20180820/</c>, still encoded, as error bodies and NotImplemented name it.</param>
/// <param name="Query">The decoded query parameters.</param>
internal sealed record ControlRequest(ControlOperation Operation, string? AccountId, string? Name, string Path, QueryParameters Query);
