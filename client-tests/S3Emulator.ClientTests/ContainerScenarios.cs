using System.Collections.Immutable;
using S3Emulator.ClientTests.AccessPoints;
using S3Emulator.ClientTests.Encryption;
using S3Emulator.ClientTests.Policies;

namespace S3Emulator.ClientTests;

/// <summary>
/// The scenario fixtures that also run in <see cref="Transport.Container"/> (issue 10 part 5): those whose tests need
/// only what a container gives — clients, URLs, the certificate, the default credentials and options set in
/// <c>ConfigureEmulator</c>, the journal (read over the admin endpoint). A test that reaches for something only the test
/// process has (captured logs, a clock it moves, the server object for a raw socket or the host-redirect proxy) is
/// ignored there (<see cref="NotObservable"/>). Left out, and why: fixtures whose emulator a container cannot be given
/// (in-process Object Lambda functions, a clock: the module refuses them), fixtures that start their own servers or
/// data folders (encryption at rest, file-system storage), raw-socket fixtures (their point is the in-process
/// transports: every test would be ignored), the loopback fixture's own certificate and proxy (host reach, host
/// redirect, cross-client: the AWS CLI and other SDKs through the proxy), and side-by-side (one journal across two
/// emulators).
/// </summary>
internal static class ContainerScenarios
{
    // A listed type takes its subclasses along (a test base lists its whole family).
    private static readonly ImmutableArray<Type> Fixtures =
    [
        typeof(BucketTests),
        typeof(ObjectReadWriteTests),
        typeof(ListObjectsTests),
        typeof(MultipartUploadTests),
        typeof(KeyRoundTripTests),
        typeof(CopyObjectTests),
        typeof(TaggingTests),
        typeof(ObjectAttributesTests),
        typeof(ChecksumTests),
        typeof(SseKmsTestBase),
        typeof(BucketEncryptionTests),
        typeof(BucketDefaultEncryptionTests),
        typeof(CopyAcrossEncryptionTests),
        typeof(SseCTests),
        typeof(SseS3Tests),
        typeof(AccessPointDataPlaneTests),
        typeof(AccessPointControlTests),
        typeof(AccountPublicAccessBlockTests),
        typeof(AclTests),
        typeof(BucketPolicyTests),
        typeof(OwnershipControlsTests),
        typeof(PublicAccessBlockTests),
        typeof(Authorization.AuthorizationTestBase),
        typeof(Kms.KmsApiTests),
        typeof(Sts.StsTestBase),
        typeof(AuthenticationTests),
        typeof(AdminEndpointTests),
        typeof(ServerHeaderTests),
        typeof(XmlBodyLimitsTests),
        typeof(MultipartCompletionRetryTests),
        typeof(SignatureV2RejectedTests),
        typeof(SignatureV2AcceptedTests),
        typeof(InvalidKeyEncodingTests),
        typeof(ObjectLambda.Control.ObjectLambdaAccessPointControlTests),
        typeof(ObjectLambda.Control.ObjectLambdaControlValidationTests),
        typeof(ObjectLambda.Control.ObjectLambdaControlAuthorizationTests),
        typeof(ObjectLambda.Functions.FunctionsEndpointTests),
    ];

    public static bool RunsInContainer(Type fixture) => Fixtures.Any(listed => listed.IsAssignableFrom(fixture));

    /// <summary>
    /// The exception that ignores a test which needs <paramref name="what"/>: it lives in the test process, so a
    /// container cannot show it. Thrown rather than returned so that a property getter can use it.
    /// </summary>
    public static IgnoreException NotObservable(string what) =>
        new($"{what} is not observable in a container: this test runs in the in-process transports only.");
}
