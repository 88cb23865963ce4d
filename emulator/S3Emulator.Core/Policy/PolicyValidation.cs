namespace S3Emulator.Core.Policy;

/// <summary>
/// The checks AWS makes when a policy is attached somewhere (PutBucketPolicy, PutAccessPointPolicy, IAM, role trust):
/// each throws <see cref="MalformedPolicyException"/> with AWS's message.
/// </summary>
public static class PolicyValidation
{
    private const string S3ArnPrefix = "arn:aws:s3:::";

    /// <summary>A bucket policy: principals required, S3 actions only, resources inside <paramref name="bucketName"/>,
    /// and every named action paired with a resource it applies to.</summary>
    public static void ForBucket(PolicyDocument document, string bucketName)
    {
        ArgumentNullException.ThrowIfNull(document);
        foreach (var statement in document.Statements)
        {
            RequirePrincipalAndResource(statement);
            var targets = statement.Resource!.Texts.Select(t => BucketResourceTarget(t.Raw, bucketName)).ToList();
            CheckS3Actions(statement, targets);
            CheckConditionKeys(statement);
        }
    }

    /// <summary>An access point policy: resources are <paramref name="accessPointArn"/> (bucket-level actions) or
    /// <c>{accessPointArn}/object/KEY</c> (object actions).</summary>
    public static void ForAccessPoint(PolicyDocument document, string accessPointArn)
    {
        ArgumentNullException.ThrowIfNull(document);
        foreach (var statement in document.Statements)
        {
            RequirePrincipalAndResource(statement);
            var targets = statement.Resource!.Texts.Select(t => AccessPointResourceTarget(t.Raw, accessPointArn)).ToList();
            CheckS3Actions(statement, targets);
            CheckConditionKeys(statement);
        }
    }

    /// <summary>An Object Lambda access point policy: <c>s3-object-lambda:</c> actions on the OLAP's own ARN.</summary>
    public static void ForObjectLambdaAccessPoint(PolicyDocument document, string objectLambdaAccessPointArn)
    {
        ArgumentNullException.ThrowIfNull(document);
        foreach (var statement in document.Statements)
        {
            RequirePrincipalAndResource(statement);
            foreach (var text in statement.Resource!.Texts)
            {
                if (!(text.Raw == objectLambdaAccessPointArn || text.Raw.StartsWith(objectLambdaAccessPointArn + "/", StringComparison.Ordinal)))
                {
                    throw PolicyErrors.Malformed(PolicyErrors.InvalidResource);
                }
            }

            foreach (var action in statement.Action.Values)
            {
                var known = action == "*" || (Split(action) is ("s3-object-lambda", var name) && KnownActions.ObjectLambdaMatching(name).Any());
                if (!known)
                {
                    throw PolicyErrors.Malformed(PolicyErrors.InvalidAction);
                }
            }
        }
    }

    /// <summary>An identity (user, role or session) policy: no Principal, and every statement names resources.</summary>
    public static void ForIdentity(PolicyDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        foreach (var statement in document.Statements)
        {
            if (statement.Principal is not null)
            {
                throw PolicyErrors.Malformed(PolicyErrors.PrincipalNotAllowed);
            }

            if (statement.Resource is null)
            {
                throw PolicyErrors.Malformed(PolicyErrors.ResourcesRequired);
            }
        }
    }

    /// <summary>A role trust policy: a Principal, no Resource, and only STS AssumeRole-family actions.</summary>
    public static void ForTrust(PolicyDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        foreach (var statement in document.Statements)
        {
            if (statement.Principal is null)
            {
                throw PolicyErrors.MissingField("Principal");
            }

            if (statement.Resource is not null)
            {
                throw PolicyErrors.Malformed(PolicyErrors.TrustResourceProhibited);
            }

            foreach (var action in statement.Action.Values)
            {
                if (!(Split(action) is ("sts", var name) &&
                    new[] { "AssumeRole", "AssumeRoleWithSAML", "AssumeRoleWithWebIdentity", "TagSession", "SetSourceIdentity", "SetContext" }
                        .Any(WildcardPattern.Parse(name, ignoreCase: true).Matches)))
                {
                    throw PolicyErrors.Malformed(PolicyErrors.TrustActionsOnly);
                }
            }
        }
    }

    private static void RequirePrincipalAndResource(PolicyStatement statement)
    {
        if (statement.Principal is null)
        {
            throw PolicyErrors.MissingField("Principal");
        }

        if (statement.Resource is null)
        {
            throw PolicyErrors.MissingField("Resource");
        }
    }

    // Which action targets a bucket-policy resource can stand for; anything outside the bucket is invalid.
    private static ResourceTargets BucketResourceTarget(string resource, string bucketName)
    {
        if (!resource.StartsWith(S3ArnPrefix, StringComparison.Ordinal))
        {
            throw PolicyErrors.Malformed(PolicyErrors.InvalidResource);
        }

        var path = resource[S3ArnPrefix.Length..];
        var slash = path.IndexOf('/', StringComparison.Ordinal);
        var bucketPart = slash < 0 ? path : path[..slash];
        if (bucketPart.Length == 0 || !WildcardPattern.Parse(bucketPart, ignoreCase: false).Matches(bucketName))
        {
            throw PolicyErrors.Malformed(PolicyErrors.InvalidResource);
        }

        return slash >= 0 ? ResourceTargets.Object
            : bucketPart.EndsWith('*') ? ResourceTargets.Bucket | ResourceTargets.Object
            : ResourceTargets.Bucket;
    }

    private static ResourceTargets AccessPointResourceTarget(string resource, string accessPointArn)
    {
        if (resource == accessPointArn)
        {
            return ResourceTargets.Bucket;
        }

        var rest = resource.StartsWith(accessPointArn, StringComparison.Ordinal) ? resource[accessPointArn.Length..] : null;
        return rest switch
        {
            null => throw PolicyErrors.Malformed(PolicyErrors.InvalidResource),
            "*" or "/*" => ResourceTargets.Bucket | ResourceTargets.Object,
            _ when rest.StartsWith("/object/", StringComparison.Ordinal) => ResourceTargets.Object,
            _ => throw PolicyErrors.Malformed(PolicyErrors.InvalidResource),
        };
    }

    private static void CheckS3Actions(PolicyStatement statement, List<ResourceTargets> resourceTargets)
    {
        var available = resourceTargets.Aggregate(ResourceTargets.None, (a, b) => a | b);
        foreach (var action in statement.Action.Values)
        {
            if (action == "*")
            {
                continue;
            }

            if (Split(action) is not ("s3", var name))
            {
                throw PolicyErrors.Malformed(PolicyErrors.InvalidAction);
            }

            var matching = KnownActions.S3Matching(name).ToList();
            if (matching.Count == 0)
            {
                throw PolicyErrors.Malformed(PolicyErrors.InvalidAction);
            }

            // Only a concrete action must fit the statement's resources; a wildcard may cover both kinds.
            var concrete = name.AsSpan().IndexOfAny('*', '?') < 0;
            if (concrete && !statement.Action.IsNegated && !statement.Resource!.IsNegated)
            {
                var needed = matching[0].Target switch
                {
                    ActionTarget.Bucket => ResourceTargets.Bucket,
                    ActionTarget.Object => ResourceTargets.Object,
                    _ => ResourceTargets.None,
                };
                if ((available & needed) == 0)
                {
                    throw PolicyErrors.Malformed(PolicyErrors.ResourceMismatch);
                }
            }
        }
    }

    private static void CheckConditionKeys(PolicyStatement statement)
    {
        foreach (var clause in statement.Condition.Clauses)
        {
            var colon = clause.Key.IndexOf(':', StringComparison.Ordinal);
            var prefix = clause.Key[..colon];
            if (!prefix.Equals("aws", StringComparison.OrdinalIgnoreCase) && !prefix.Equals("s3", StringComparison.OrdinalIgnoreCase) &&
                !prefix.Equals("s3-object-lambda", StringComparison.OrdinalIgnoreCase))
            {
                throw PolicyErrors.Malformed(PolicyErrors.InvalidConditionKey);
            }
        }
    }

    private static (string Service, string Name)? Split(string action)
    {
        var colon = action.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? null : (action[..colon].ToLowerInvariant(), action[(colon + 1)..]);
    }

    [Flags]
    private enum ResourceTargets { None = 0, Bucket = 1, Object = 2 }
}
