using S3Emulator.Server.Authorization;
using S3Emulator.Server.Services.S3.Routing;

namespace S3Emulator.Server.Tests.Authorization;

public sealed class S3OperationActionsTests
{
    private static IEnumerable<S3Operation> ClassifiedOperations() => Enum.GetValues<S3Operation>().Where(o => o != S3Operation.Unknown);

    [TestCaseSource(nameof(ClassifiedOperations))]
    public void EveryOperation_MapsToAnS3Action(S3Operation operation)
    {
        Assert.That(S3OperationActions.All.TryGetValue(operation, out var row), Is.True, $"{operation} has no row in S3OperationActions");
        Assert.That(row.Action, Does.StartWith("s3:"));
    }

    [TestCase(S3Operation.ListBuckets, "s3:ListAllMyBuckets", "Service")]
    [TestCase(S3Operation.HeadBucket, "s3:ListBucket", "Bucket")]
    [TestCase(S3Operation.HeadObject, "s3:GetObject", "Object")]
    [TestCase(S3Operation.DeleteBucketEncryption, "s3:PutEncryptionConfiguration", "Bucket")]
    [TestCase(S3Operation.UploadPartCopy, "s3:PutObject", "Object")]
    [TestCase(S3Operation.ListParts, "s3:ListMultipartUploadParts", "Object")]
    public void Operation_NeedsTheActionAwsDocuments(S3Operation operation, string action, string scope)
    {
        var row = S3OperationActions.All[operation];

        Assert.That((row.Action, row.Scope.ToString()), Is.EqualTo((action, scope)));
    }
}
