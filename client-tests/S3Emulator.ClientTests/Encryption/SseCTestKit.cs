using System.Security.Cryptography;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace S3Emulator.ClientTests.Encryption;

/// <summary>Customer keys and the request fields that carry them.</summary>
internal sealed class SseCTestKit
{
    public SseCTestKit() => Key = RandomNumberGenerator.GetBytes(32);

    public byte[] Key { get; }

    public string KeyBase64 => Convert.ToBase64String(Key);

    public string KeyMd5 => Convert.ToBase64String(MD5.HashData(Key));

    public T On<T>(T request) where T : AmazonWebServiceRequest
    {
        switch (request)
        {
            case PutObjectRequest put:
                (put.ServerSideEncryptionCustomerMethod, put.ServerSideEncryptionCustomerProvidedKey, put.ServerSideEncryptionCustomerProvidedKeyMD5) = Fields();
                break;
            case GetObjectRequest get:
                (get.ServerSideEncryptionCustomerMethod, get.ServerSideEncryptionCustomerProvidedKey, get.ServerSideEncryptionCustomerProvidedKeyMD5) = Fields();
                break;
            case GetObjectMetadataRequest head:
                (head.ServerSideEncryptionCustomerMethod, head.ServerSideEncryptionCustomerProvidedKey, head.ServerSideEncryptionCustomerProvidedKeyMD5) = Fields();
                break;
            case InitiateMultipartUploadRequest create:
                (create.ServerSideEncryptionCustomerMethod, create.ServerSideEncryptionCustomerProvidedKey, create.ServerSideEncryptionCustomerProvidedKeyMD5) = Fields();
                break;
            case UploadPartRequest part:
                (part.ServerSideEncryptionCustomerMethod, part.ServerSideEncryptionCustomerProvidedKey, part.ServerSideEncryptionCustomerProvidedKeyMD5) = Fields();
                break;
            case CopyPartRequest copyPart:
                (copyPart.ServerSideEncryptionCustomerMethod, copyPart.ServerSideEncryptionCustomerProvidedKey, copyPart.ServerSideEncryptionCustomerProvidedKeyMD5) = Fields();
                break;
            case GetObjectAttributesRequest attributes:
                (attributes.SSECustomerAlgorithm, attributes.SSECustomerKey, attributes.SSECustomerKeyMD5) = Fields();
                break;
            case CopyObjectRequest copy:
                (copy.ServerSideEncryptionCustomerMethod, copy.ServerSideEncryptionCustomerProvidedKey, copy.ServerSideEncryptionCustomerProvidedKeyMD5) = Fields();
                break;
            default:
                throw new ArgumentException($"No SSE-C fields on {request.GetType().Name}", nameof(request));
        }
        return request;
    }

    /// <summary>Sets this key as the copy source's key.</summary>
    public CopyObjectRequest AsCopySource(CopyObjectRequest request)
    {
        (request.CopySourceServerSideEncryptionCustomerMethod, request.CopySourceServerSideEncryptionCustomerProvidedKey,
            request.CopySourceServerSideEncryptionCustomerProvidedKeyMD5) = Fields();
        return request;
    }

    public CopyPartRequest AsCopySource(CopyPartRequest request)
    {
        (request.CopySourceServerSideEncryptionCustomerMethod, request.CopySourceServerSideEncryptionCustomerProvidedKey,
            request.CopySourceServerSideEncryptionCustomerProvidedKeyMD5) = Fields();
        return request;
    }

    private (ServerSideEncryptionCustomerMethod, string, string) Fields() => (ServerSideEncryptionCustomerMethod.AES256, KeyBase64, KeyMd5);

    /// <summary>A bucket where SSE-C is allowed: new buckets block it, as Amazon S3's do since April 2026.</summary>
    public static async Task AllowSseCAsync(IAmazonS3 s3, string bucket) =>
        await s3.PutBucketEncryptionAsync(new PutBucketEncryptionRequest
        {
            BucketName = bucket,
            ServerSideEncryptionConfiguration = new ServerSideEncryptionConfiguration
            {
                ServerSideEncryptionRules =
                [
                    new ServerSideEncryptionRule
                    {
                        ServerSideEncryptionByDefault = new ServerSideEncryptionByDefault { ServerSideEncryptionAlgorithm = ServerSideEncryptionMethod.AES256 },
                        BlockedEncryptionTypes = new BlockedEncryptionTypes { EncryptionType = ["NONE"] },
                    },
                ],
            },
        });
}
