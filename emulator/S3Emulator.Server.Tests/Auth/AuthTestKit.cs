using Amazon.Runtime.Internal;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using S3Emulator.Core.Errors;
using S3Emulator.Server.Auth;

namespace S3Emulator.Server.Tests.Auth;

/// <summary>Shared set-up: one credential, a fixed clock, and helpers to run and inspect authentication.</summary>
internal static class AuthTestKit
{
    public static readonly DateTime SignedAt = new(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc);

    public static readonly S3Credential Credential = new(SdkSigner.AccessKey, SdkSigner.Secret, "123456789012", "alice");

    public static RequestAuthenticator Authenticator(FakeTimeProvider? clock = null) =>
        new(new CredentialStore([Credential]), clock ?? new FakeTimeProvider(SignedAt), SdkSigner.Region);

    public static S3Principal? Authenticate(DefaultHttpContext context, FakeTimeProvider? clock = null) =>
        Authenticator(clock).Authenticate(context, context.Features.Get<IHttpRequestFeature>()!.RawTarget);

    public static S3Principal? Authenticate(DefaultRequest request, FakeTimeProvider? clock = null) =>
        Authenticate(SdkSigner.ToHttpContext(request), clock);

    public static S3Exception Fails(Action action)
    {
        try
        {
            action();
        }
        catch (S3Exception exception)
        {
            return exception;
        }

        Assert.Fail("Expected an S3Exception, but the action succeeded.");
        throw new InvalidOperationException("unreachable");
    }

    public static string? Detail(S3Exception exception, string name) =>
        exception.Details.Where(d => d.Key == name).Select(d => d.Value).FirstOrDefault();

    public static IS3RequestBodyFeature BodyFeature(HttpContext context) => context.Features.Get<IS3RequestBodyFeature>()!;

    public static byte[] ReadAll(HttpContext context)
    {
        using var output = new MemoryStream();
        context.Request.Body.CopyTo(output);
        return output.ToArray();
    }

    public static void AssertNoSecretIn(S3Exception exception)
    {
        Assert.That(exception.Message, Does.Not.Contain(SdkSigner.Secret));
        Assert.That(exception.Details.Select(d => d.Value), Has.None.Contains(SdkSigner.Secret));
    }
}
