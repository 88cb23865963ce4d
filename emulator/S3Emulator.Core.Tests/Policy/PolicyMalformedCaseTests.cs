using System.Text.Json.Nodes;
using S3Emulator.Core.Policy;

namespace S3Emulator.Core.Tests.Policy;

/// <summary>Every malformed-policy case: parsing plus the validation for where it is attached raises AWS's message.</summary>
public sealed class PolicyMalformedCaseTests
{
    [TestCaseSource(typeof(PolicyCaseFiles), nameof(PolicyCaseFiles.MalformedCases))]
    public void Policy_IsRefusedWithAwsMessage(string file, int index)
    {
        var testCase = PolicyCaseFiles.Load(file)["cases"]![index]!.AsObject();
        var text = testCase["policyText"] is { } raw ? (string)raw! : testCase["policy"]!.ToJsonString();
        var expected = (string?)testCase["message"];

        void Attach()
        {
            var document = PolicyDocument.Parse(text);
            switch ((string?)testCase["attach"] ?? "Bucket")
            {
                case "Bucket": PolicyValidation.ForBucket(document, (string?)testCase["bucket"] ?? "amzn-s3-demo-bucket"); break;
                case "AccessPoint": PolicyValidation.ForAccessPoint(document, (string)testCase["accessPoint"]!); break;
                case "ObjectLambdaAccessPoint": PolicyValidation.ForObjectLambdaAccessPoint(document, (string)testCase["accessPoint"]!); break;
                case "Identity": PolicyValidation.ForIdentity(document); break;
                case "RoleTrust": PolicyValidation.ForTrust(document); break;
                case "Parse": break;
                default: throw new InvalidDataException("unknown attach");
            }
        }

        if (expected is null)
        {
            Assert.DoesNotThrow(Attach);
        }
        else
        {
            Assert.That(Attach, Throws.TypeOf<MalformedPolicyException>().With.Message.EqualTo(expected));
        }
    }
}

/// <summary>Every publicity case (public-access.md §3 table and more).</summary>
public sealed class PolicyPublicityCaseTests
{
    [TestCaseSource(typeof(PolicyCaseFiles), nameof(PolicyCaseFiles.PublicityCases))]
    public void Policy_IsPublicExactlyWhenTheCaseSays(string file, int index)
    {
        var testCase = PolicyCaseFiles.Load(file)["cases"]![index]!.AsObject();
        var document = PolicyCaseFiles.Document(testCase["policy"]!);
        var kind = Enum.Parse<PolicyKind>((string?)testCase["kind"] ?? "Bucket");

        Assert.That(PolicyPublicity.IsPublic(document, kind), Is.EqualTo((bool)testCase["public"]!));
    }
}
