using System.Security.Cryptography;
using Amazon.S3;

namespace S3Emulator.Bench;

/// <summary>One random SSE-C key as the three values every SSE-C request carries.</summary>
internal sealed class CustomerKeyFields
{
    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);

    public (ServerSideEncryptionCustomerMethod Method, string Key, string KeyMd5) Values =>
        (ServerSideEncryptionCustomerMethod.AES256, Convert.ToBase64String(_key), Convert.ToBase64String(MD5.HashData(_key)));
}
