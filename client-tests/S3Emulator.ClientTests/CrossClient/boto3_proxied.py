"""boto3 at hosts it builds itself, reached through the fixture's HostRedirectProxy (HTTPS_PROXY, HTTP_PROXY):
the default endpoints (bucket.s3.amazonaws.com, kms.us-east-1.amazonaws.com) or a given endpoint with
virtual-hosted style (http://s3.us-east-1.amazonaws.com: plain HTTP, absolute-form requests to the proxy).

Usage: python3 boto3_proxied.py BUCKET [ENDPOINT]   (proxy, credentials and CA bundle come from the environment)
Prints the S3 host it used, then OK; any failed expectation raises and exits non-zero.
"""
import sys

import boto3
from botocore.config import Config

bucket = sys.argv[1]
endpoint = sys.argv[2] if len(sys.argv) > 2 else None
config = Config(s3={"addressing_style": "virtual"}, retries={"max_attempts": 1})
s3 = boto3.client("s3", endpoint_url=endpoint, config=config)
kms = boto3.client("kms", config=config)
hosts = []
s3.meta.events.register("before-send.s3", lambda request, **_: hosts.append(request.url.split("/")[2]))


def expect(condition, message):
    if not condition:
        raise AssertionError(message)


s3.create_bucket(Bucket=bucket)
s3.put_object(Bucket=bucket, Key="dir/a b.txt", Body=b"through the proxy")
expect(s3.get_object(Bucket=bucket, Key="dir/a b.txt")["Body"].read() == b"through the proxy", "GET returned other bytes")
expect([o["Key"] for o in s3.list_objects_v2(Bucket=bucket)["Contents"]] == ["dir/a b.txt"], "listing differs")
expect(all(h.startswith(bucket + ".") for h in hosts), f"hosts: {hosts}")
key = kms.create_key(Description="through the proxy")["KeyMetadata"]["Arn"]
expect(key.startswith("arn:aws:kms:us-east-1:"), f"key: {key}")
print(hosts[0])
print("OK")
