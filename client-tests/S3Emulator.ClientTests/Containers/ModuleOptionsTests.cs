using System.Reflection;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using S3Emulator.Server.Hosting;
using S3Emulator.Testing;
using S3Emulator.Transforms;
using Testcontainers.S3Emulator;

namespace S3Emulator.ClientTests.Containers;

/// <summary>
/// How the module hands the emulator's options to a container, without Docker: as <c>S3Emulator__…</c> environment
/// variables that bind back to the same options, named like <see cref="S3EmulatorOptions"/>; and what cannot cross the
/// boundary is refused with a sentence that says what to do instead.
/// </summary>
public sealed class ModuleOptionsTests
{
    [Test]
    public void DefaultOptions_NeedNoVariables()
    {
        Assert.That(ContainerEnvironment.For(new S3EmulatorOptions()), Is.Empty);
    }

    [Test]
    public void NestedOptions_BecomeDoubleUnderscoreKeys_AsTheEnvironmentProviderReadsThem()
    {
        var options = new S3EmulatorOptions { BlockSseCOnNewBuckets = false, SignatureV2 = SignatureV2Mode.Accept };
        options.Credentials.Add(new S3CredentialOptions
        {
            AccessKeyId = "AKIAUSER", SecretAccessKey = "secret", UserName = "alice",
            Policies = [new PolicyOptions { Name = "p", Document = """{"Version":"2012-10-17","Statement":[]}""" }],
        });

        var variables = ContainerEnvironment.For(options);

        Assert.That(variables["S3Emulator__Credentials__0__UserName"], Is.EqualTo("alice"));
        Assert.That(variables["S3Emulator__Credentials__0__Policies__0__Document"], Is.EqualTo("""{"Version":"2012-10-17","Statement":[]}"""));
        Assert.That(variables["S3Emulator__BlockSseCOnNewBuckets"], Is.EqualTo("false"));
        Assert.That(variables["S3Emulator__SignatureV2"], Is.EqualTo("Accept"));
        Assert.That(variables.Keys, Has.None.Contains("Region"), "a default is left to the image");
    }

    [Test]
    public void EveryConfiguredOption_BindsBackFromTheVariables_ToTheSameValues()
    {
        var options = new S3EmulatorOptions
        {
            Region = "eu-west-1", AccountId = "111122223333", PublicUrl = "https://localhost:12345", ExplainDenials = true,
            JournalCapacity = 42, MasterKey = Convert.ToBase64String(new byte[32]),
        };
        options.InitialBuckets.AddRange(["one", "two"]);
        options.Roles.Add(new RoleOptions { Name = "r", TrustPolicy = new PolicyOptions { Document = "{}" }, MaxSessionDurationSeconds = 7200 });
        options.KmsKeys.Add(new KmsKeyOptions { KeyId = "0c7e1a2b-3d4e-4f50-8a6b-7c8d9e0f1a2b", Aliases = ["alias/a"], Enabled = false });
        options.AccessPoints.Add(new AccessPointOptions { Name = "ap", Bucket = "one", PublicAccessBlock = new() { BlockPublicPolicy = false } });
        options.ObjectLambdaAccessPoints.Add(new ObjectLambdaAccessPointOptions
        {
            Name = "olap", SupportingAccessPoint = "ap", AllowedFeatures = ["GetObject-Range"],
            TransformationConfigurations = [new() { Actions = ["GetObject"], FunctionArn = "fn", FunctionPayload = "{\"x\":1}" }],
        });
        options.Functions.Add(new FunctionOptions { Arn = "fn", Url = "http://host.docker.internal:8080/fn", TimeoutSeconds = 5 });

        var bound = new S3EmulatorOptions();
        new ConfigurationBuilder()
            .AddInMemoryCollection(ContainerEnvironment.For(options).Select(v => KeyValuePair.Create(v.Key.Replace("__", ":", StringComparison.Ordinal), (string?)v.Value)))
            .Build()
            .GetSection(S3EmulatorOptions.SectionName)
            .Bind(bound);

        Assert.That(Json(bound), Is.EqualTo(Json(options)));
    }

    [Test]
    public void AClock_IsRefused_BecauseTheContainerReadsTheSystemClock()
    {
        var options = new S3EmulatorOptions { Clock = TimeProvider.System };

        Assert.That(() => ContainerOptionsCheck.ThrowIfNotPortable(options),
            Throws.ArgumentException.With.Message.Contains("Clock").And.Message.Contains("in-process fixture"));
    }

    [Test]
    public void AnInProcessFunction_IsRefused_NamingTheFunctionAndTheWaysThatWork()
    {
        var options = new S3EmulatorOptions().AddObjectLambdaFunction("upper", ObjectLambdaTransform.Create(getObject: (original, _, _) => Task.FromResult(TransformedObject.Unchanged(original))));

        Assert.That(() => ContainerOptionsCheck.ThrowIfNotPortable(options),
            Throws.ArgumentException.With.Message.Contains("upper").And.Message.Contains("WithObjectLambdaFunction"));
    }

    [TestCase(nameof(S3EmulatorOptions.Region))]
    [TestCase(nameof(S3EmulatorOptions.AccountId))]
    [TestCase(nameof(S3EmulatorOptions.Credentials))]
    [TestCase(nameof(S3EmulatorOptions.Roles))]
    [TestCase(nameof(S3EmulatorOptions.InitialBuckets))]
    [TestCase(nameof(S3EmulatorOptions.KmsKeys))]
    [TestCase(nameof(S3EmulatorOptions.AccessPoints))]
    [TestCase(nameof(S3EmulatorOptions.ObjectLambdaAccessPoints))]
    [TestCase(nameof(S3EmulatorOptions.Functions))]
    [TestCase(nameof(S3EmulatorOptions.BaseDomains))]
    [TestCase(nameof(S3EmulatorOptions.PublicUrl))]
    public void TheBuilder_HasAWithMethodNamedLikeTheOption(string option)
    {
        var methods = typeof(S3EmulatorBuilder).GetMethods(BindingFlags.Public | BindingFlags.Instance).Select(m => m.Name);

        Assert.That(methods, Does.Contain("With" + option));
    }

    private static readonly JsonSerializerOptions Serializer = new() { IgnoreReadOnlyProperties = true };

    // The options as configuration sees them; the in-process members (clock, handlers) are unset on both sides.
    private static string Json(S3EmulatorOptions options) => JsonSerializer.Serialize(options, Serializer);
}
