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

deleted = s3.delete_objects(Bucket=bucket, Delete={"Objects": [{"Key": key}, {"Key": "copy.txt"}, {"Key": "multi/part.bin"}]})
expect(len(deleted["Deleted"]) == 3, f"delete_objects: {deleted}")
s3.delete_bucket(Bucket=bucket)
print("OK")
