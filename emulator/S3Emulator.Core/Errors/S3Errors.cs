namespace S3Emulator.Core.Errors;

/// <summary>
/// Every S3 error the emulator can return, with status and message as Amazon S3 gives them
/// (https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html). Nothing else invents error codes.
/// </summary>
public static partial class S3Errors
{
    public static readonly S3Error AccessDenied = new("AccessDenied", 403, "Access Denied");
    public static readonly S3Error BadDigest = new("BadDigest", 400, "The Content-MD5 you specified did not match what we received.");
    public static readonly S3Error BucketAlreadyExists = new("BucketAlreadyExists", 409, "The requested bucket name is not available. The bucket namespace is shared by all users of the system. Please select a different name and try again.");
    public static readonly S3Error BucketAlreadyOwnedByYou = new("BucketAlreadyOwnedByYou", 409, "Your previous request to create the named bucket succeeded and you already own it.");
    public static readonly S3Error BucketNotEmpty = new("BucketNotEmpty", 409, "The bucket you tried to delete is not empty");
    public static readonly S3Error EntityTooSmall = new("EntityTooSmall", 400, "Your proposed upload is smaller than the minimum allowed object size.");
    public static readonly S3Error EntityTooLarge = new("EntityTooLarge", 400, "Your proposed upload exceeds the maximum allowed object size.");
    public static readonly S3Error IncompleteBody = new("IncompleteBody", 400, "You did not provide the number of bytes specified by the Content-Length HTTP header.");
    public static readonly S3Error RequestTimeout = new("RequestTimeout", 400, "Your socket connection to the server was not read from or written to within the timeout period. Idle connections will be closed.");
    public static readonly S3Error InternalError = new("InternalError", 500, "We encountered an internal error. Please try again.");
    public static readonly S3Error ExpiredToken = new("ExpiredToken", 400, "The provided token has expired.");
    public static readonly S3Error InvalidToken = new("InvalidToken", 400, "The provided token is malformed or otherwise invalid.");
    public static readonly S3Error InvalidAccessKeyId = new("InvalidAccessKeyId", 403, "The AWS Access Key Id you provided does not exist in our records.");
    public static readonly S3Error InvalidBucketName = new("InvalidBucketName", 400, "The specified bucket is not valid.");
    public static readonly S3Error InvalidDigest = new("InvalidDigest", 400, "The Content-MD5 you specified is not valid.");
    public static readonly S3Error InvalidLocationConstraint = new("InvalidLocationConstraint", 400, "The specified location-constraint is not valid");
    public static readonly S3Error InvalidPart = new("InvalidPart", 400, "One or more of the specified parts could not be found.  The part may not have been uploaded, or the specified entity tag may not match the part's entity tag.");
    public static readonly S3Error InvalidPartOrder = new("InvalidPartOrder", 400, "The list of parts was not in ascending order. Parts must be ordered by part number.");
    public static readonly S3Error InvalidURI = new("InvalidURI", 400, "Couldn't parse the specified URI.");
    public static readonly S3Error InvalidRange = new("InvalidRange", 416, "The requested range is not satisfiable");
    public static readonly S3Error MalformedXML = new("MalformedXML", 400, "The XML you provided was not well-formed or did not validate against our published schema.");
    public static readonly S3Error MissingContentLength = new("MissingContentLength", 411, "You must provide the Content-Length HTTP header.");
    public static readonly S3Error MethodNotAllowed = new("MethodNotAllowed", 405, "The specified method is not allowed against this resource.");
    public static readonly S3Error NoSuchBucket = new("NoSuchBucket", 404, "The specified bucket does not exist");
    public static readonly S3Error NoSuchKey = new("NoSuchKey", 404, "The specified key does not exist.");
    public static readonly S3Error NoSuchUpload = new("NoSuchUpload", 404, "The specified upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed.");
    public static readonly S3Error NoSuchTagSet = new("NoSuchTagSet", 404, "The TagSet does not exist");
    public static readonly S3Error NotModified = new("NotModified", 304, "Not Modified");
    public static readonly S3Error PreconditionFailed = new("PreconditionFailed", 412, "At least one of the pre-conditions you specified did not hold");
    public static readonly S3Error RequestTimeTooSkewed = new("RequestTimeTooSkewed", 403, "The difference between the request time and the current time is too large.");
    public static readonly S3Error SignatureDoesNotMatch = new("SignatureDoesNotMatch", 403, "The request signature we calculated does not match the signature you provided. Check your key and signing method.");
    public static readonly S3Error XAmzContentSHA256Mismatch = new("XAmzContentSHA256Mismatch", 400, "The provided 'x-amz-content-sha256' header does not match what was computed.");
    public static readonly S3Error KeyTooLongError = new("KeyTooLongError", 400, "Your key is too long");
    public static readonly S3Error InvalidTag = new("InvalidTag", 400, "The TagValue you have provided is invalid");
    public static readonly S3Error InvalidTagKey = new("InvalidTag", 400, "The TagKey you have provided is invalid");
    public static readonly S3Error TooManyTags = new("InvalidTag", 400, "Object tags cannot be greater than 10");
    public static readonly S3Error DuplicateTagKeys = new("InvalidTag", 400, "Cannot provide multiple Tags with the same key");
    public static readonly S3Error InvalidEncryptionAlgorithmError = new("InvalidEncryptionAlgorithmError", 400, "The Encryption request you specified is not valid. Supported value: AES256.");
    public static readonly S3Error MaxMessageLengthExceeded = new("MaxMessageLengthExceeded", 400, "Your request was too big.");

    public static readonly S3Error InvalidPartNumber = new("InvalidPartNumber", 416, "The requested partnumber is not satisfiable");
    public static readonly S3Error MetadataTooLarge = new("MetadataTooLarge", 400, "Your metadata headers exceed the maximum allowed metadata size.");

    // Bucket policies, Block Public Access and Object Ownership (public-access.md §2, §4, §5).
    public static readonly S3Error NoSuchBucketPolicy = new("NoSuchBucketPolicy", 404, "The bucket policy does not exist");
    public static readonly S3Error NoSuchPublicAccessBlockConfiguration = new("NoSuchPublicAccessBlockConfiguration", 404, "The public access block configuration was not found");
    public static readonly S3Error OwnershipControlsNotFoundError = new("OwnershipControlsNotFoundError", 404, "The bucket ownership controls were not found");
    public static readonly S3Error AccessControlListNotSupported = new("AccessControlListNotSupported", 400, "The bucket does not allow ACLs");
    public static readonly S3Error InvalidBucketAclWithObjectOwnership = new("InvalidBucketAclWithObjectOwnership", 400, "Bucket cannot have ACLs set with ObjectOwnership's BucketOwnerEnforced setting");
    public static readonly S3Error InvalidBucketAclWithBlockPublicAccessError = new("InvalidBucketAclWithBlockPublicAccessError", 400, "Bucket cannot have public ACLs set with BlockPublicAccess enabled");

    // S3 Control: access points (object-lambda.md §1; codes and texts as the S3 Control API answers them).
    public static readonly S3Error NoSuchAccessPoint = new("NoSuchAccessPoint", 404, "The specified accesspoint does not exist");
    public static readonly S3Error NoSuchAccessPointPolicy = new("NoSuchAccessPointPolicy", 404, "The specified accesspoint policy does not exist");
    public static readonly S3Error AccessPointAlreadyOwnedByYou = new("AccessPointAlreadyOwnedByYou", 409, "Your previous request to create the named accesspoint succeeded and you already own it.");
    public static S3Error InvalidAccessPointName => InvalidRequest("Your Amazon S3 AccessPoint name is invalid");
    public static S3Error AccessPointBucketMissing => InvalidRequest("Amazon S3 AccessPoint can only be created for existing bucket");
    public static S3Error AccessPointBucketAccountMismatch => InvalidRequest("BucketAccountId parameter should be same as the AWS Account Id of bucket owner");
    public static S3Error InvalidNextToken => InvalidRequest("Invalid nextToken");
    public static S3Error InvalidMaxResults => InvalidRequest("Invalid range for parameter MaxResults.");

    // S3 Control: Object Lambda access points. A missing or duplicate one answers as an access point does
    // (NoSuchAccessPoint, NoSuchAccessPointPolicy, AccessPointAlreadyOwnedByYou: the codes AWS SDK users such as the
    // Terraform provider test for); the texts below are the emulator's, AWS's are unconfirmed.
    public static S3Error InvalidObjectLambdaAccessPointName => InvalidRequest("Your Amazon S3 Object Lambda AccessPoint name is invalid");
    public static S3Error InvalidSupportingAccessPoint => InvalidRequest("SupportingAccessPoint must be an access point ARN: arn:aws:s3:region:account-id:accesspoint/name");
    public static S3Error SupportingAccessPointMissing => InvalidRequest("SupportingAccessPoint must name an existing access point of the same account and Region");
    public static S3Error InvalidObjectLambdaFunctionArn => InvalidRequest("FunctionArn must be a Lambda function ARN, partial ARN or name, optionally qualified");

    /// <summary>An S3 Control request without <c>x-amz-account-id</c> (emulator's text; AWS's is unconfirmed).</summary>
    public static S3Error MissingAccountId => InvalidRequest("Missing required header for this request: x-amz-account-id");

    /// <summary>An S3 operation sent through an access point that S3 does not serve there (access-points-service-api-support).</summary>
    public static S3Error NotSupportedThroughAccessPoint => InvalidRequest("This operation is not supported through an access point. Address the bucket by its name.");

    /// <summary>A bucket policy over the 20 KB limit: the code and text S3-compatible servers (MinIO) answer; AWS's own are unconfirmed.</summary>
    public static readonly S3Error PolicyTooLarge = new("PolicyTooLarge", 400, Policy.PolicyLimits.TooLargeMessage);

    /// <summary>A policy S3 refuses; <paramref name="message"/> is AWS's text from the policy parser.</summary>
    public static S3Error MalformedPolicy(string message) => new("MalformedPolicy", 400, message);

    /// <summary>A checksum that was sent but does not match the bytes received.</summary>
    public static S3Error ChecksumMismatch(string algorithmName) =>
        new("BadDigest", 400, $"The {algorithmName} you specified did not match the calculated checksum.");

    public static S3Error InvalidArgument(string message) => new("InvalidArgument", 400, message);

    /// <summary>An <c>x-amz-copy-source</c> whose escapes are broken or whose key is not UTF-8 once decoded.</summary>
    public static S3Error InvalidCopySourceEncoding => InvalidArgument("Invalid copy source encoding.");

    /// <summary>
    /// A failed KMS call, as S3 reports it to its own caller: <c>KMS.</c> + the KMS error type, KMS's message;
    /// KMS's own faults stay 500, everything else is the caller's 400.
    /// </summary>
    public static S3Error KmsFailure(string kmsErrorType, int kmsStatusCode, string message) =>
        new("KMS." + kmsErrorType, kmsStatusCode >= 500 ? 500 : 400, message);

    /// <summary>A response-* override whose value a header cannot carry (S3 writes header values as ISO-8859-1).</summary>
    public static S3Error HeaderValueNotLatin1 => InvalidArgument("Header value cannot be represented using ISO-8859-1.");

    /// <summary>A stored header the emulator could only send back altered (a known difference from S3).</summary>
    public static S3Error HeaderNotAscii(string header) =>
        InvalidArgument($"The emulator returns {header} only as ASCII; send non-ASCII text percent- or RFC 2047-encoded.");

    /// <summary>An SSE-KMS request signed with Signature Version 2.</summary>
    public static S3Error SseKmsRequiresSigV4 =>
        InvalidArgument("Requests specifying Server Side Encryption with AWS KMS managed keys require AWS Signature Version 4.");

    public static S3Error InvalidRequest(string message) => new("InvalidRequest", 400, message);

    public static S3Error AuthorizationHeaderMalformed(string message) => new("AuthorizationHeaderMalformed", 400, message);

    public static S3Error AuthorizationQueryParametersError(string message) => new("AuthorizationQueryParametersError", 400, message);

    public static S3Error AccessDeniedBecause(string message) => new("AccessDenied", 403, message);

    public static S3Error NotImplemented(string operation) =>
        new("NotImplemented", 501, $"A header or operation you provided implies functionality that is not implemented: {operation}.");
}
