using System.Net;
using Amazon.Runtime;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;
using S3Emulator.Server.Hosting;

namespace S3Emulator.ClientTests.ObjectLambda.Functions;

/// <summary>
/// <c>PUT /_s3emulator/functions</c> decides who receives decrypted objects, so only a SigV4-signed principal of the
/// functions' account may change it; <c>GET</c> shows the map (configured HTTP functions included).
/// </summary>
public sealed class FunctionsEndpointTests(Transport transport) : EmulatorTestBase(transport)
{
    private const string Account = "123456789012";
    private const string OtherAccount = "210987654321";
    private const string AliceKey = "AKIAALICEFUNCTIONS001";
    private const string AliceSecret = "aliceFunctionsSecretAliceFunctionsSecre1";
    private const string BobKey = "AKIABOBFUNCTIONS00001";
    private const string BobSecret = "bobFunctionsSecretBobFunctionsSecretBob1";
    private const string ConfiguredArn = $"arn:aws:lambda:us-east-1:{Account}:function:configured";

    private static ImmutableCredentials Root => new(S3CredentialOptions.DefaultAccessKeyId, S3CredentialOptions.DefaultSecretAccessKey, null);

    private static ImmutableCredentials Alice => new(AliceKey, AliceSecret, null);

    private static ImmutableCredentials Bob => new(BobKey, BobSecret, null);

    protected override void ConfigureEmulator(S3EmulatorOptions options)
    {
        options.Credentials.Add(new() { AccessKeyId = S3CredentialOptions.DefaultAccessKeyId, SecretAccessKey = S3CredentialOptions.DefaultSecretAccessKey });
        options.Credentials.Add(new() { AccessKeyId = AliceKey, SecretAccessKey = AliceSecret, UserName = "alice" });
        options.Credentials.Add(new() { AccessKeyId = BobKey, SecretAccessKey = BobSecret, UserName = "bob", AccountId = OtherAccount });
        options.Roles.Add(new()
        {
            Name = "deployer",
            TrustPolicy = new() { Document = $$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::{{Account}}:user/alice"},"Action":"sts:AssumeRole"}]}""" },
        });
        options.Functions.Add(new() { Arn = "configured", Url = "http://127.0.0.1:8123/configured" });
    }

    private static string NewFunctionArn(string account = Account) => $"arn:aws:lambda:us-east-1:{account}:function:fn-{Guid.NewGuid():N}";

    private FunctionsAdminClient Client() => new(Emulator);

    [Test]
    public async Task Put_SignedByAPrincipalOfTheFunctionsAccount_Merges_AndAnswersTheWholeMap()
    {
        using var client = Client();
        var first = NewFunctionArn();
        var second = NewFunctionArn();

        var afterFirst = (await client.PutAsync(new Dictionary<string, string> { [first] = "http://127.0.0.1:8123/first" }, Alice)).Map();
        var afterSecond = (await client.PutAsync(new Dictionary<string, string> { [second] = "https://functions.example/second" }, Root)).Map();
        var shown = (await client.GetAsync()).Map();

        Assert.That(afterFirst, Does.ContainKey(first).And.ContainKey(ConfiguredArn));
        Assert.That(afterSecond[first], Is.EqualTo("http://127.0.0.1:8123/first"));
        Assert.That(afterSecond[second], Is.EqualTo("https://functions.example/second"));
        Assert.That(afterSecond[ConfiguredArn], Is.EqualTo("http://127.0.0.1:8123/configured"));
        Assert.That(shown, Is.EquivalentTo(afterSecond));
    }

    [Test]
    public async Task Put_OfAConfiguredFunction_RepointsIt()
    {
        using var client = Client();

        var map = (await client.PutAsync(new Dictionary<string, string> { [ConfiguredArn] = "http://127.0.0.1:8124/moved" }, Alice)).Map();
        await client.PutAsync(new Dictionary<string, string> { [ConfiguredArn] = "http://127.0.0.1:8123/configured" }, Alice);

        Assert.That(map[ConfiguredArn], Is.EqualTo("http://127.0.0.1:8124/moved"));
    }

    [Test]
    public async Task Put_SignedByAnAssumedRoleSessionOfTheAccount_IsAllowed()
    {
        using var sts = Emulator.CreateStsClient(new BasicAWSCredentials(AliceKey, AliceSecret));
        var session = (await sts.AssumeRoleAsync(new AssumeRoleRequest
        {
            RoleArn = $"arn:aws:iam::{Account}:role/deployer", RoleSessionName = "deploy",
        })).Credentials;
        using var client = Client();
        var arn = NewFunctionArn();

        var answer = await client.PutAsync(new Dictionary<string, string> { [arn] = "http://127.0.0.1:8123/session" },
            new ImmutableCredentials(session.AccessKeyId, session.SecretAccessKey, session.SessionToken));

        Assert.That(answer.Map(), Does.ContainKey(arn));
    }

    [Test]
    public async Task Put_Unsigned_IsForbidden_AndChangesNothing()
    {
        using var client = Client();
        var arn = NewFunctionArn();

        var answer = await client.PutAsync(new Dictionary<string, string> { [arn] = "http://attacker.example/steal" }, credentials: null);

        Assert.That((answer.Status, answer.MediaType), Is.EqualTo((HttpStatusCode.Forbidden, "text/plain")));
        Assert.That(answer.Body, Does.StartWith("AccessDenied"));
        Assert.That((await client.GetAsync()).Map(), Does.Not.ContainKey(arn));
    }

    [Test]
    public async Task Put_SignedWithAWrongSecret_IsForbidden_AndChangesNothing()
    {
        using var client = Client();
        var arn = NewFunctionArn();

        var answer = await client.SendAsync("PUT", $$"""{"{{arn}}":"http://attacker.example/steal"}""", Alice,
            secretOverride: "wrongwrongwrongwrongwrongwrongwrongwrong");

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(answer.Body, Does.StartWith("SignatureDoesNotMatch").And.Not.Contain(AliceSecret));
        Assert.That((await client.GetAsync()).Map(), Does.Not.ContainKey(arn));
    }

    [Test]
    public async Task Put_ByAPrincipalOfAnotherAccount_IsForbidden_AndChangesNothing()
    {
        using var client = Client();
        var ours = NewFunctionArn();
        var theirs = NewFunctionArn(OtherAccount);

        var answer = await client.PutAsync(new Dictionary<string, string>
        {
            [theirs] = "http://127.0.0.1:8123/theirs", [ours] = "http://attacker.example/steal",
        }, Bob);

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(answer.Body, Is.EqualTo(
            $"AccessDenied: arn:aws:iam::{OtherAccount}:user/bob may register functions of account {OtherAccount} only, not {ours}."));
        Assert.That((await client.GetAsync()).Map(), Does.Not.ContainKey(ours).And.Not.ContainKey(theirs));
    }

    [Test]
    public async Task Put_ByAPrincipalOfAnotherAccount_MayRegisterThatAccountsFunctions()
    {
        using var client = Client();
        var theirs = NewFunctionArn(OtherAccount);

        var answer = await client.PutAsync(new Dictionary<string, string> { [theirs] = "http://127.0.0.1:8123/theirs" }, Bob);

        Assert.That(answer.Map(), Does.ContainKey(theirs));
    }

    [TestCase("{not json")]
    [TestCase("""{"configured":"http://127.0.0.1:8123/x"}""")]
    [TestCase("""{"arn:aws:lambda:us-east-1:123456789012:function:x":"file:///etc/passwd"}""")]
    public async Task Put_ABodyThatIsNotAMapOfFunctionArnsToHttpUrls_IsABadRequest(string body)
    {
        using var client = Client();

        var answer = await client.SendAsync("PUT", body, Alice);

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.BadRequest), answer.Body);
    }
}
