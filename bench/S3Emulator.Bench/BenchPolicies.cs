namespace S3Emulator.Bench;

/// <summary>
/// Policies for <see cref="AuthorizationBenchmarks"/>. The 20-statement bucket policy is what a production bucket carries:
/// transport, network and encryption guards (Deny), grants to partner, analytics, backup and audit roles of other accounts
/// on their own prefixes, and last the owner's read. Every Allow names fixed principals, so it is not public and Block
/// Public Access (on by default) accepts it. Several statements match a GET of <c>object</c> by action and resource, so
/// their conditions are evaluated on every request, not skipped.
/// </summary>
internal static class BenchPolicies
{
    private const string Partner = "111122223333";
    private const string Analytics = "444455556666";
    private const string Backup = "777788889999";
    private const string Audit = "210987654321";

    public static string TwentyStatements(string bucket, string account) => $$"""
        {
          "Version": "2012-10-17",
          "Id": "production-bucket-policy",
          "Statement": [
            { "Sid": "DenyInsecureTransportToConfidential", "Effect": "Deny", "Principal": "*", "Action": "s3:*",
              "Resource": "arn:aws:s3:::{{bucket}}/confidential/*",
              "Condition": { "Bool": { "aws:SecureTransport": "false" } } },
            { "Sid": "DenyOutsideKnownNetworks", "Effect": "Deny", "Principal": "*", "Action": "s3:*",
              "Resource": [ "arn:aws:s3:::{{bucket}}", "arn:aws:s3:::{{bucket}}/*" ],
              "Condition": { "NotIpAddress": { "aws:SourceIp": [ "127.0.0.0/8", "10.0.0.0/8", "192.168.0.0/16", "::1/128" ] } } },
            { "Sid": "DenyWrongEncryptionHeader", "Effect": "Deny", "Principal": "*", "Action": "s3:PutObject",
              "Resource": "arn:aws:s3:::{{bucket}}/*",
              "Condition": { "StringNotEquals": { "s3:x-amz-server-side-encryption": "aws:kms" } } },
            { "Sid": "DenyMissingEncryptionHeader", "Effect": "Deny", "Principal": "*", "Action": "s3:PutObject",
              "Resource": "arn:aws:s3:::{{bucket}}/*",
              "Condition": { "Null": { "s3:x-amz-server-side-encryption": "true" } } },
            { "Sid": "PartnerListsItsPrefixes", "Effect": "Allow", "Principal": { "AWS": "arn:aws:iam::{{Partner}}:root" },
              "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::{{bucket}}",
              "Condition": { "StringLike": { "s3:prefix": [ "partner/*", "shared/*" ] } } },
            { "Sid": "PartnerReadsShared", "Effect": "Allow", "Principal": { "AWS": "arn:aws:iam::{{Partner}}:role/partner-reader" },
              "Action": [ "s3:GetObject", "s3:GetObjectVersion" ], "Resource": "arn:aws:s3:::{{bucket}}/shared/*" },
            { "Sid": "AnalyticsRolesReadReports", "Effect": "Allow", "Principal": { "AWS": "arn:aws:iam::{{Analytics}}:root" },
              "Action": [ "s3:GetObject", "s3:GetObjectVersion" ], "Resource": "arn:aws:s3:::{{bucket}}/reports/*",
              "Condition": { "ArnLike": { "aws:PrincipalArn": "arn:aws:iam::{{Analytics}}:role/analytics-*" } } },
            { "Sid": "OtherAccountsNeverDelete", "Effect": "Deny",
              "Principal": { "AWS": [ "arn:aws:iam::{{Partner}}:root", "arn:aws:iam::{{Analytics}}:root", "arn:aws:iam::{{Backup}}:root" ] },
              "Action": [ "s3:DeleteObject", "s3:DeleteObjectVersion" ], "Resource": "arn:aws:s3:::{{bucket}}/*" },
            { "Sid": "BackupWritesEncrypted", "Effect": "Allow", "Principal": { "AWS": "arn:aws:iam::{{Backup}}:role/backup" },
              "Action": "s3:PutObject", "Resource": "arn:aws:s3:::{{bucket}}/backups/*",
              "Condition": { "StringEquals": { "s3:x-amz-server-side-encryption": "aws:kms" } } },
            { "Sid": "BackupListsBackups", "Effect": "Allow", "Principal": { "AWS": "arn:aws:iam::{{Backup}}:root" },
              "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::{{bucket}}",
              "Condition": { "StringLike": { "s3:prefix": "backups/*" } } },
            { "Sid": "NoTagEditsFromOutside", "Effect": "Deny",
              "Principal": { "AWS": [ "arn:aws:iam::{{Partner}}:root", "arn:aws:iam::{{Backup}}:root" ] },
              "Action": [ "s3:PutObjectTagging", "s3:DeleteObjectTagging" ], "Resource": "arn:aws:s3:::{{bucket}}/*" },
            { "Sid": "AuditorReadsFromAuditNetwork", "Effect": "Allow", "Principal": { "AWS": "arn:aws:iam::{{Audit}}:role/auditor" },
              "Action": [ "s3:GetObject", "s3:GetObjectAcl", "s3:GetObjectTagging" ], "Resource": "arn:aws:s3:::{{bucket}}/audit/*",
              "Condition": { "IpAddress": { "aws:SourceIp": "10.20.0.0/16" } } },
            { "Sid": "OnlyAdminsChangeThePolicy", "Effect": "Deny", "Principal": "*",
              "Action": [ "s3:PutBucketPolicy", "s3:DeleteBucketPolicy" ], "Resource": "arn:aws:s3:::{{bucket}}",
              "Condition": { "ArnNotLike": { "aws:PrincipalArn": [ "arn:aws:iam::{{account}}:role/admin-*", "arn:aws:iam::{{account}}:root" ] } } },
            { "Sid": "AccessLogsFromOwnAccount", "Effect": "Allow", "Principal": { "Service": "logging.s3.amazonaws.com" },
              "Action": "s3:PutObject", "Resource": "arn:aws:s3:::{{bucket}}/logs/*",
              "Condition": { "StringEquals": { "aws:SourceAccount": "{{account}}" } } },
            { "Sid": "DenyOldTls", "Effect": "Deny", "Principal": "*", "Action": "s3:*",
              "Resource": [ "arn:aws:s3:::{{bucket}}", "arn:aws:s3:::{{bucket}}/*" ],
              "Condition": { "NumericLessThan": { "s3:TlsVersion": "1.2" } } },
            { "Sid": "PartnerUploadsOwnedByBucket", "Effect": "Allow", "Principal": { "AWS": "arn:aws:iam::{{Partner}}:role/partner-uploader" },
              "Action": "s3:PutObject", "Resource": "arn:aws:s3:::{{bucket}}/partner/*",
              "Condition": { "StringEquals": { "s3:x-amz-server-side-encryption": "AES256" } } },
            { "Sid": "RestrictedStaysInAccount", "Effect": "Deny", "Principal": "*", "Action": "s3:GetObject",
              "Resource": "arn:aws:s3:::{{bucket}}/restricted/*",
              "Condition": { "StringNotEquals": { "aws:PrincipalAccount": "{{account}}" } } },
            { "Sid": "EtlReadsVersionsSince2024", "Effect": "Allow", "Principal": { "AWS": "arn:aws:iam::{{Analytics}}:user/etl" },
              "Action": "s3:GetObjectVersion", "Resource": "arn:aws:s3:::{{bucket}}/*",
              "Condition": { "DateGreaterThan": { "aws:CurrentTime": "2024-01-01T00:00:00Z" } } },
            { "Sid": "BackupNeverAborts", "Effect": "Deny", "Principal": { "AWS": "arn:aws:iam::{{Backup}}:root" },
              "Action": "s3:AbortMultipartUpload", "Resource": "arn:aws:s3:::{{bucket}}/*" },
            { "Sid": "OwnerReadsFromLoopback", "Effect": "Allow", "Principal": { "AWS": "arn:aws:iam::{{account}}:root" },
              "Action": "s3:GetObject", "Resource": "arn:aws:s3:::{{bucket}}/*",
              "Condition": { "IpAddress": { "aws:SourceIp": [ "127.0.0.0/8", "::1/128" ] } } }
          ]
        }
        """;

    /// <summary>The S3 user guide's delegation pattern: the bucket leaves access control to its account's access points.</summary>
    public static string DelegateToAccessPoints(string bucket, string account) => $$"""
        {
          "Version": "2012-10-17",
          "Statement": [
            { "Sid": "DelegateToAccessPoints", "Effect": "Allow", "Principal": { "AWS": "*" }, "Action": "*",
              "Resource": [ "arn:aws:s3:::{{bucket}}", "arn:aws:s3:::{{bucket}}/*" ],
              "Condition": { "StringEquals": { "s3:DataAccessPointAccount": "{{account}}" } } }
          ]
        }
        """;

    /// <summary>The access point lets the account's root read its objects.</summary>
    public static string AccessPointRead(string accessPointArn, string account) => $$"""
        {
          "Version": "2012-10-17",
          "Statement": [
            { "Sid": "OwnerReads", "Effect": "Allow", "Principal": { "AWS": "arn:aws:iam::{{account}}:root" },
              "Action": "s3:GetObject", "Resource": "{{accessPointArn}}/object/*" }
          ]
        }
        """;
}
