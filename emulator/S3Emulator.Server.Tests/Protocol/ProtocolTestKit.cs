using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.Http;
using S3Emulator.Core.Model;
using S3Emulator.Core.Storage;
using S3Emulator.Server.Auth;
using S3Emulator.Server.Hosting;
using S3Emulator.Server.Services.S3;
using S3Emulator.Server.Services.S3.Routing;
using S3Emulator.Server.Tests.Auth;
using S3Emulator.Server.Tests.Encryption;

namespace S3Emulator.Server.Tests.Protocol;

/// <summary>
/// Runs handlers the way the pipeline does (S3Dispatcher over a DefaultHttpContext) against an in-memory
/// store and a clock the test sets, so that every timestamp in a response body is known in advance.
/// </summary>
internal sealed class ProtocolTestKit
{
    public const string AccountId = "123456789012";

    /// <summary>The default clock reading; golden files use it wherever a test does not move the clock.</summary>
    public static readonly DateTimeOffset Start = Time("2026-01-02T03:04:05.678Z");

    private static readonly S3Principal Root = new(AccountId, $"arn:aws:iam::{AccountId}:root", "AKIAIOSFODNN7EXAMPLE", S3Principal.RootUserName);

    public InMemoryObjectStore Store { get; } = new();

    /// <summary>Account-level state (Block Public Access) the handlers see.</summary>
    public InMemoryAccountStore Accounts { get; } = new();

    public FakeTimeProvider Clock { get; } = new(Start);

    public static DateTimeOffset Time(string iso) => DateTimeOffset.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    public void SetTime(string iso) => Clock.Now = Time(iso);

    /// <summary>Seeds a bucket straight into the store, so its region and owner can be anything CreateBucket would refuse.</summary>
    public async Task CreateBucketAsync(string name, string region = "us-east-1", string owner = AccountId)
    {
        var created = await Store.TryCreateBucketAsync(new BucketInfo(name, region, owner, Clock.GetUtcNow()), CancellationToken.None);
        Assert.That(created, Is.True, $"bucket {name} already existed");
    }

    public Task<S3Result> PutObjectAsync(string bucket, string key, string content, params (string Name, string Value)[] headers) =>
        DispatchAsync(S3Operation.PutObject, bucket, key, body: content, headers: headers);

    /// <summary>Starts an upload through the handler and returns its (random) upload id.</summary>
    public async Task<string> CreateMultipartUploadAsync(string bucket, string key)
    {
        var xml = await BodyAsync(await DispatchAsync(S3Operation.CreateMultipartUpload, bucket, key, "uploads"));
        return XDocument.Parse(xml).Root!.Elements().Single(e => e.Name.LocalName == "UploadId").Value;
    }

    public Task<S3Result> UploadPartAsync(string bucket, string key, string uploadId, int partNumber, string content) =>
        DispatchAsync(S3Operation.UploadPart, bucket, key, $"partNumber={partNumber}&uploadId={Uri.EscapeDataString(uploadId)}", content);

    /// <param name="query">The raw query string, already percent-encoded as a client sends it.</param>
    public async Task<S3Result> DispatchAsync(
        S3Operation operation, string? bucket, string? key, string query = "", string? body = null,
        params (string Name, string Value)[] headers)
    {
        var http = new DefaultHttpContext();
        // CompleteMultipartUpload builds its Location from these.
        http.Request.Scheme = "http";
        http.Request.Host = new HostString("localhost:4566");
        foreach (var (name, value) in headers) http.Request.Headers[name] = value;
        if (body is not null)
        {
            var bytes = Encoding.UTF8.GetBytes(body);
            http.Request.Body = new MemoryStream(bytes);
            http.Request.ContentLength = bytes.Length;
        }
        var rawPath = bucket is null ? "/" : key is null ? $"/{bucket}" : $"/{bucket}/{key}";
        var request = new S3Request(operation, bucket, key, rawPath, QueryParameters.Parse(query), VirtualHosted: false);
        var context = new S3RequestContext(TestExchange.For(http), request, Root, Store, new S3EmulatorOptions(), Clock, TestEncryption.NewEncryptor(), Accounts)
        {
            ResolvedBucket = await S3BucketResolver.ResolveAsync(Store, request, CancellationToken.None),
        };
        return await S3Dispatcher.DispatchAsync(context);
    }

    /// <summary>The body exactly as S3ResultWriter would send it.</summary>
    public static async Task<string> BodyAsync(S3Result result)
    {
        Assert.That(result.Body, Is.Not.Null, "the result has no body");
        using var stream = new MemoryStream();
        await result.Body!(stream, CancellationToken.None);
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
