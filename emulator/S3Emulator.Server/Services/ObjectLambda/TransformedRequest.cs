using S3Emulator.Core.Model;
using S3Emulator.Server.Auth;
using S3Emulator.Server.Envelope;
using S3Emulator.Server.Services.S3.Routing;

namespace S3Emulator.Server.Services.ObjectLambda;

/// <summary>A request through an Object Lambda access point whose action a function transforms, authorized so far.</summary>
internal sealed record TransformedRequest(
    ServiceExchange Exchange,
    S3Request Request,
    S3Principal Principal,
    ObjectLambdaAccessPoint AccessPoint,
    AccessPoint Supporting,
    ObjectLambdaTransformation Transformation,
    ObjectLambdaAction Action);
