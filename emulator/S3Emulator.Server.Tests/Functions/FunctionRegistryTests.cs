using S3Emulator.Server.Functions;
using S3Emulator.Server.Hosting;

namespace S3Emulator.Server.Tests.Functions;

public sealed class FunctionRegistryTests
{
    private const string Account = "123456789012";
    private const string OtherAccount = "210987654321";
    private const string Arn = "arn:aws:lambda:us-east-1:123456789012:function:";

    private static FunctionRegistry Registry(params FunctionOptions[] functions) =>
        FunctionTestKit.Registry(o => o.Functions.AddRange(functions));

    private static FunctionOptions Http(string arn, string url = "http://127.0.0.1:9/fn") => new() { Arn = arn, Url = url };

    private static FunctionOptions Local(string arn) => new() { Arn = arn, Handler = new FunctionTestKit.Returning("{}") };

    // What an Object Lambda configuration may write, read in the access point's account (123456789012, us-east-1).
    [TestCase("redact", Arn + "redact")]
    [TestCase("function:redact", Arn + "redact")]
    [TestCase("123456789012:function:redact", Arn + "redact")]
    [TestCase(Arn + "redact", Arn + "redact")]
    [TestCase("redact:$LATEST", Arn + "redact:$LATEST")]
    [TestCase(Arn + "redact:$LATEST", Arn + "redact:$LATEST")]
    [TestCase("redact:7", Arn + "redact:7")]
    [TestCase(Arn + "redact:live", Arn + "redact:live")]
    public void TryResolve_AnyFormOfTheName_FindsTheFunction_AndNamesItByItsFullArn(string configured, string resolvedArn)
    {
        var registry = Registry(Http("redact"));

        Assert.That(registry.TryResolve(configured, null, null, out var resolved), Is.True);
        Assert.That(resolved!.Arn, Is.EqualTo(resolvedArn));
        Assert.That(resolved.Function.Reference.CanonicalArn, Is.EqualTo(Arn + "redact"));
    }

    [TestCase("Redact", Description = "names are case-sensitive")]
    [TestCase("other")]
    [TestCase("210987654321:function:redact", Description = "another account")]
    [TestCase("arn:aws:lambda:eu-west-1:123456789012:function:redact", Description = "another region")]
    [TestCase("arn:aws:s3:us-east-1:123456789012:accesspoint/redact", Description = "not a function ARN")]
    [TestCase("redact:live:extra")]
    [TestCase("")]
    public void TryResolve_ANameOfNoRegisteredFunction_FindsNothing(string configured) =>
        Assert.That(Registry(Http("redact")).TryResolve(configured, null, null, out _), Is.False);

    [Test]
    public void TryResolve_APartialName_IsReadInTheAccessPointsAccountAndRegion()
    {
        var registry = Registry(Http($"arn:aws:lambda:eu-west-1:{OtherAccount}:function:redact"));

        Assert.That(registry.TryResolve("redact", null, null, out _), Is.False, "the emulator's own account has no such function");
        Assert.That(registry.TryResolve("redact", "eu-west-1", OtherAccount, out var resolved), Is.True);
        Assert.That(resolved!.Arn, Is.EqualTo($"arn:aws:lambda:eu-west-1:{OtherAccount}:function:redact"));
    }

    [Test]
    public void TryResolve_AQualifiedName_PrefersTheRegistrationOfThatQualifier_ElseTheFunctionsOwn()
    {
        var registry = Registry(Http("redact", "http://127.0.0.1:9/latest"), Http("redact:live", "http://127.0.0.1:9/live"));

        Assert.Multiple(() =>
        {
            Assert.That(Url(registry, "redact:live"), Is.EqualTo("http://127.0.0.1:9/live"));
            Assert.That(Url(registry, "redact:3"), Is.EqualTo("http://127.0.0.1:9/latest"));
            Assert.That(Url(registry, "redact:$LATEST"), Is.EqualTo("http://127.0.0.1:9/latest"));
            Assert.That(Url(registry, "redact"), Is.EqualTo("http://127.0.0.1:9/latest"));
        });
    }

    [Test]
    public void TryResolve_AnOnlyQualifiedRegistration_IsNotWhatTheUnqualifiedNameRuns() =>
        Assert.That(Registry(Http("redact:live")).TryResolve("redact", null, null, out _), Is.False);

    [Test]
    public void TryResolve_ALocalFunction_KeepsItsHandlerHostKindRoleAndTimeout()
    {
        var handler = new FunctionTestKit.Returning("{}");
        var registry = FunctionTestKit.Registry(o => o.Functions.Add(new()
        {
            Arn = "upper", Handler = handler, HostKind = FunctionHostKind.PlugIn, Role = FunctionTestKit.RoleArn, TimeoutSeconds = 5,
        }));

        Assert.That(registry.TryResolve("upper", null, null, out var resolved), Is.True);
        Assert.That(resolved!.Function, Is.EqualTo(new RegisteredFunction(
            resolved.Function.Reference, FunctionHostKind.PlugIn, null, handler, FunctionTestKit.RoleArn, TimeSpan.FromSeconds(5))));
    }

    [Test]
    public void RegisterHttpFunctions_Merges_AndOverridesAConfiguredUrl_KeepingItsRoleAndTimeout()
    {
        var registry = FunctionTestKit.Registry(o => o.Functions.Add(new()
        {
            Arn = "redact", Url = "http://127.0.0.1:9/configured", Role = FunctionTestKit.RoleArn, TimeoutSeconds = 7,
        }));
        Register(registry, Arn + "extra", "http://127.0.0.1:9/extra");

        var map = Register(registry, Arn + "redact:$LATEST", "http://127.0.0.1:9/registered");

        Assert.That(map, Is.EqualTo(new Dictionary<string, string>
        {
            [Arn + "extra"] = "http://127.0.0.1:9/extra",
            [Arn + "redact"] = "http://127.0.0.1:9/registered",
        }));
        Assert.That(registry.TryResolve("redact", null, null, out var resolved), Is.True);
        Assert.That((resolved!.Function.Url?.OriginalString, resolved.Function.RoleArn, resolved.Function.Timeout),
            Is.EqualTo(("http://127.0.0.1:9/registered", FunctionTestKit.RoleArn, TimeSpan.FromSeconds(7))));
    }

    [Test]
    public void RegisterHttpFunctions_AFunctionNotConfigured_HasNoRoleAndTheDefaultTimeout()
    {
        var registry = Registry();

        Register(registry, Arn + "fresh", "https://functions.example/fresh");

        Assert.That(registry.TryResolve("fresh", null, null, out var resolved), Is.True);
        Assert.That((resolved!.Function.HostKind, resolved.Function.RoleArn, resolved.Function.Timeout),
            Is.EqualTo((FunctionHostKind.Http, (string?)null, TimeSpan.FromSeconds(60))));
    }

    [Test]
    public void HttpFunctions_ListsConfiguredHttpFunctionsOnly_NotLocalOnes() =>
        Assert.That(Registry(Http("a"), Local("b")).HttpFunctions().Keys, Is.EqualTo(new[] { Arn + "a" }));

    [TestCase(null, null, "give Url (an HTTP function the emulator POSTs the event to) or, in code, Handler.")]
    [TestCase("http://127.0.0.1:9/fn", "handler", "give Url (an HTTP function) or Handler (a function hosted beside the emulator), not both.")]
    [TestCase("ftp://127.0.0.1/fn", null, "Url 'ftp://127.0.0.1/fn' is not an absolute http or https URL.")]
    [TestCase("/relative", null, "Url '/relative' is not an absolute http or https URL.")]
    public void Start_AFunctionWithoutExactlyOneValidHost_Fails_NamingTheEntry(string? url, string? handler, string problem)
    {
        var function = new FunctionOptions { Arn = "fn", Url = url, Handler = handler is null ? null : new FunctionTestKit.Returning(null) };

        Assert.That(Failure(o => o.Functions.Add(function)), Is.EqualTo($"S3Emulator:Functions:0 'fn': {problem}"));
    }

    [TestCase("arn:aws:lambda:us-east-1:12345:function:fn")]
    [TestCase("function:")]
    [TestCase("has space")]
    [TestCase("arn:aws:iam::123456789012:role/fn")]
    public void Start_AFunctionWithABadArn_Fails_NamingTheEntry(string arn) =>
        Assert.That(Failure(o => o.Functions.Add(Http(arn))), Does.StartWith($"S3Emulator:Functions:0 '{arn}': Arn '{arn}' is not a Lambda function ARN or name"));

    [Test]
    public void Start_AFunctionWithoutArn_Fails() =>
        Assert.That(Failure(o => o.Functions.Add(Http(""))), Is.EqualTo("S3Emulator:Functions:0: Arn is missing: give the function's ARN or name."));

    [TestCase(0)]
    [TestCase(901)]
    public void Start_ATimeoutOutsideLambdasLimits_Fails(int seconds)
    {
        var function = Http("fn");
        function.TimeoutSeconds = seconds;

        Assert.That(Failure(o => o.Functions.Add(function)),
            Is.EqualTo("S3Emulator:Functions:0 'fn': TimeoutSeconds must be between 1 and 900, as Lambda allows."));
    }

    [TestCase("arn:aws:iam::123456789012:role/missing")]
    [TestCase("runner")]
    public void Start_ARoleThatIsNotConfigured_Fails(string role)
    {
        var function = Http("fn");
        function.Role = role;

        Assert.That(Failure(o => o.Functions.Add(function)), Does.StartWith($"S3Emulator:Functions:0 'fn': Role '{role}' is not a configured role"));
    }

    [Test]
    public void Start_TheSameFunctionTwice_Fails_NamingBothEntries() =>
        Assert.That(Failure(o => o.Functions.AddRange([Http("fn"), Local(Arn + "fn:$LATEST")])),
            Is.EqualTo($"S3Emulator:Functions:1 '{Arn}fn:$LATEST': the function {Arn}fn is already configured by S3Emulator:Functions:0 'fn'."));

    [Test]
    public void Start_AFunctionPolicyThatIsNotAPolicy_Fails()
    {
        var function = Http("fn");
        function.Policy = "{not json";

        Assert.That(Failure(o => o.Functions.Add(function)), Does.StartWith("S3Emulator:Functions:0 'fn': Policy is not a valid resource policy: "));
    }

    [Test]
    public void Resolve_AFunctionWithAPolicy_CarriesItForInvokeDecisions()
    {
        const string policy = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"210987654321"},"Action":"lambda:InvokeFunction","Resource":"*"}]}""";
        var function = Http("fn");
        function.Policy = policy;
        var registry = FunctionTestKit.Registry(o => o.Functions.Add(function));

        Assert.That(registry.TryResolve("fn", null, null, out var resolved) ? resolved.Function.Policy : null, Is.EqualTo(policy));
    }

    [Test]
    public void Start_AHandlerDeclaredAsAnHttpHost_Fails()
    {
        var function = Local("fn");
        function.HostKind = FunctionHostKind.Http;

        Assert.That(Failure(o => o.Functions.Add(function)), Is.EqualTo("S3Emulator:Functions:0 'fn': HostKind Http needs a Url; a Handler runs in-process or as a plug-in."));
    }

    private static string? Url(FunctionRegistry registry, string name) =>
        registry.TryResolve(name, null, null, out var resolved) ? resolved.Function.Url?.OriginalString : null;

    private static IReadOnlyDictionary<string, string> Register(FunctionRegistry registry, string arn, string url)
    {
        Assert.That(FunctionReference.TryParseFullArn(arn, out var reference), Is.True);
        return registry.RegisterHttpFunctions([KeyValuePair.Create(reference!, new Uri(url))]);
    }

    private static string Failure(Action<S3EmulatorOptions> configure) =>
        Assert.Throws<S3EmulatorConfigurationException>(() => FunctionTestKit.Registry(configure))!.Message;
}
