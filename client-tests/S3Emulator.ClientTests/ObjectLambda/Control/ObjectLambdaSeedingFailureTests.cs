using S3Emulator.Server.Hosting;
using S3Emulator.Testing;

namespace S3Emulator.ClientTests.ObjectLambda.Control;

/// <summary>
/// A configured Object Lambda access point the checks of CreateAccessPointForObjectLambda refuse stops start-up with a
/// message naming the entry by its key and saying what to change.
/// </summary>
public sealed class ObjectLambdaSeedingFailureTests
{
    private const string Entry = "S3Emulator:ObjectLambdaAccessPoints:0";

    public static IEnumerable<TestCaseData> BadEntries()
    {
        TestCaseData Case(Action<ObjectLambdaAccessPointOptions> change, string message, string name) =>
            new TestCaseData(change, message).SetName(name);

        yield return Case(o => o.Name = "Bad_Name", $"{Entry} 'Bad_Name': the name is not valid: 3–45 lowercase letters, digits and hyphens, beginning and ending with a letter or digit.",
            "Startup_WithAnInvalidName_FailsNamingTheEntry");
        yield return Case(o => o.SupportingAccessPoint = "no-such-ap",
            $"{Entry} 'configured-olap': SupportingAccessPoint must name an existing access point of the same account and Region " +
            "(SupportingAccessPoint 'arn:aws:s3:us-east-1:123456789012:accesspoint/no-such-ap').",
            "Startup_WithAMissingSupportingAccessPoint_FailsNamingTheEntry");
        yield return Case(o => o.TransformationConfigurations[0].Actions = ["PutObject"],
            $"{Entry} 'configured-olap': Action 'PutObject' is not one of the allowed values.", "Startup_WithAnUnknownAction_FailsNamingTheEntry");
        yield return Case(o => o.AllowedFeatures = ["Range"],
            $"{Entry} 'configured-olap': AllowedFeature 'Range' is not one of the allowed values.", "Startup_WithAnUnknownFeature_FailsNamingTheEntry");
        yield return Case(o => o.TransformationConfigurations.Clear(),
            $"{Entry} 'configured-olap': TransformationConfiguration is missing.", "Startup_WithoutATransformation_FailsNamingTheEntry");
        yield return Case(o => o.TransformationConfigurations[0].FunctionArn = "not a function",
            $"{Entry} 'configured-olap': FunctionArn must be a Lambda function ARN, partial ARN or name, optionally qualified (FunctionArn 'not a function').",
            "Startup_WithAnInvalidFunction_FailsNamingTheEntry");
        yield return Case(o => o.Policy = "not json",
            $"{Entry} 'configured-olap': Policies must be valid JSON and the first byte must be '{{'.", "Startup_WithAMalformedPolicy_FailsNamingTheEntry");
        yield return Case(o => (o.Policy, o.PolicyPath) = ("{}", "policy.json"),
            $"{Entry} 'configured-olap': it has both Policy and PolicyPath.", "Startup_WithPolicyAndPolicyPath_FailsNamingTheEntry");
    }

    [TestCaseSource(nameof(BadEntries))]
    public async Task Startup_WithABadObjectLambdaAccessPoint_Fails(Action<ObjectLambdaAccessPointOptions> change, string message)
    {
        var error = (await Assert.ThrowsAsync<S3EmulatorConfigurationException>(async () =>
        {
            await using var emulator = await S3EmulatorServer.StartAsync(options =>
            {
                options.InitialBuckets.Add("configured-bucket");
                options.AccessPoints.Add(new AccessPointOptions { Name = "configured-ap", Bucket = "configured-bucket" });
                var olap = new ObjectLambdaAccessPointOptions
                {
                    Name = "configured-olap",
                    SupportingAccessPoint = "configured-ap",
                    TransformationConfigurations = [new ObjectLambdaTransformationOptions { Actions = ["GetObject"], FunctionArn = "redact" }],
                };
                change(olap);
                options.ObjectLambdaAccessPoints.Add(olap);
            });
        }))!;

        Assert.That(error.Message, Is.EqualTo(message));
    }

    [Test]
    public async Task Startup_WithAValidObjectLambdaAccessPointTwice_KeepsTheFirstAndStarts()
    {
        await using var emulator = await S3EmulatorServer.StartAsync(options =>
        {
            options.InitialBuckets.Add("configured-bucket");
            options.AccessPoints.Add(new AccessPointOptions { Name = "configured-ap", Bucket = "configured-bucket" });
            foreach (var function in new[] { "first", "second" })
            {
                options.ObjectLambdaAccessPoints.Add(new ObjectLambdaAccessPointOptions
                {
                    Name = "configured-olap",
                    SupportingAccessPoint = $"arn:aws:s3:us-east-1:{options.AccountId}:accesspoint/configured-ap",
                    TransformationConfigurations = [new ObjectLambdaTransformationOptions { Actions = ["GetObject"], FunctionArn = function }],
                });
            }
        });
        using var control = new AccessPoints.S3ControlTestClient(emulator, emulator.Options.AccountId, emulator.DefaultCredentials.GetCredentials());

        var configuration = (await control.SendAsync("GET", "accesspointforobjectlambda/configured-olap/configuration")).Succeeded();

        Assert.That(configuration.Value("FunctionArn"), Is.EqualTo("first"));
    }
}
