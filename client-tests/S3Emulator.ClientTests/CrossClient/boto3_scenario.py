"""One S3 scenario through boto3 against the emulator: odd keys, checksums, multipart, copy, errors.

Usage: python3 boto3_scenario.py ENDPOINT BUCKET   (credentials and CA bundle come from the environment)
Prints OK on success; any failed expectation raises and exits non-zero.
"""
import hashlib
import io
import os
import sys

import boto3
from boto3.s3.transfer import TransferConfig
from botocore.config import Config
from botocore.exceptions import ClientError

endpoint, bucket = sys.argv[1], sys.argv[2]
s3 = boto3.client(
    "s3",
    endpoint_url=endpoint,
    config=Config(s3={"addressing_style": "path"}, retries={"max_attempts": 1}),
)


def expect(condition, message):
    if not condition:
        raise AssertionError(message)


s3.create_bucket(Bucket=bucket)

key = "dir/a/../b c+d%2F ü.txt"
s3.put_object(Bucket=bucket, Key=key, Body=io.BytesIO(b"boto3 body"), ContentType="text/plain",
              Metadata={"origin": "boto3"})
got = s3.get_object(Bucket=bucket, Key=key, ChecksumMode="ENABLED")
expect(got["Body"].read() == b"boto3 body", "GET returned other bytes")
expect(got["ContentType"] == "text/plain", "Content-Type lost")
expect(got["Metadata"] == {"origin": "boto3"}, f"metadata lost: {got['Metadata']}")

listed = s3.list_objects_v2(Bucket=bucket, Prefix="dir/")
expect([o["Key"] for o in listed["Contents"]] == [key], f"listing: {listed.get('Contents')}")

payload = os.urandom(12 * 1024 * 1024 + 5)
config = TransferConfig(multipart_threshold=5 * 1024 * 1024, multipart_chunksize=5 * 1024 * 1024)
s3.upload_fileobj(io.BytesIO(payload), bucket, "multi/part.bin", Config=config)
head = s3.head_object(Bucket=bucket, Key="multi/part.bin")
expect(head["ETag"].endswith('-3"'), f"multipart ETag: {head['ETag']}")
back = io.BytesIO()
s3.download_fileobj(bucket, "multi/part.bin", back, Config=config)
expect(hashlib.sha256(back.getvalue()).digest() == hashlib.sha256(payload).digest(), "multipart content differs")

s3.copy_object(Bucket=bucket, Key="copy.txt", CopySource={"Bucket": bucket, "Key": key})
expect(s3.get_object(Bucket=bucket, Key="copy.txt")["Body"].read() == b"boto3 body", "copy differs")

try:
    s3.get_object(Bucket=bucket, Key="missing")
    raise AssertionError("GET of a missing key succeeded")
except ClientError as error:
    expect(error.response["Error"]["Code"] == "NoSuchKey", f"missing key: {error.response['Error']}")

# Server-side encryption as botocore sends it: SSE-KMS with the AWS-managed key, and SSE-C (HTTPS only),
# where botocore base64-encodes the raw key and computes its MD5 itself.
s3.put_object(Bucket=bucket, Key="kms.txt", Body=b"kms body", ServerSideEncryption="aws:kms")
kms_head = s3.head_object(Bucket=bucket, Key="kms.txt")
expect(kms_head["ServerSideEncryption"] == "aws:kms", f"SSE-KMS: {kms_head}")
expect(kms_head["SSEKMSKeyId"].startswith("arn:aws:kms:us-east-1:"), f"SSE-KMS key id: {kms_head['SSEKMSKeyId']}")
expect(s3.get_object(Bucket=bucket, Key="kms.txt")["Body"].read() == b"kms body", "SSE-KMS content differs")
if endpoint.startswith("https://"):
    customer_key = os.urandom(32)
    s3.put_object(Bucket=bucket, Key="ssec.txt", Body=b"ssec body", SSECustomerAlgorithm="AES256", SSECustomerKey=customer_key)
    got = s3.get_object(Bucket=bucket, Key="ssec.txt", SSECustomerAlgorithm="AES256", SSECustomerKey=customer_key)
    expect(got["Body"].read() == b"ssec body", "SSE-C content differs")
    try:
        s3.get_object(Bucket=bucket, Key="ssec.txt", SSECustomerAlgorithm="AES256", SSECustomerKey=os.urandom(32))
        raise AssertionError("GET with a wrong SSE-C key succeeded")
    except ClientError as error:
        expect(error.response["Error"]["Code"] == "AccessDenied", f"wrong SSE-C key: {error.response['Error']}")
    s3.delete_object(Bucket=bucket, Key="ssec.txt")
s3.delete_object(Bucket=bucket, Key="kms.txt")

deleted = s3.delete_objects(Bucket=bucket, Delete={"Objects": [{"Key": key}, {"Key": "copy.txt"}, {"Key": "multi/part.bin"}]})
expect(len(deleted["Deleted"]) == 3, f"delete_objects: {deleted}")
s3.delete_bucket(Bucket=bucket)
print("OK")
