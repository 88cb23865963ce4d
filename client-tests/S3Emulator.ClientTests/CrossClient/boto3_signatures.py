"""botocore's own signers against the emulator's signature rules.

Usage: python3 boto3_signatures.py ENDPOINT BUCKET accept|reject
  accept: the emulator runs with S3Emulator:SignatureV2 = Accept; SigV2 (signature_version 's3', and presigned
          's3-query' URLs) must work for object, listing and multipart requests, and a wrong secret must fail.
  reject: the default; SigV2 must be refused as S3 refuses it for new buckets.
In both: a SigV4 URL presigned with a negative ExpiresIn (botocore writes it as is) is refused as S3 refuses it.
Prints OK on success; any failed expectation raises and exits non-zero.
"""
import os
import ssl
import sys
import urllib.error
import urllib.request

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError

endpoint, bucket, mode = sys.argv[1], sys.argv[2], sys.argv[3]
REFUSAL = "The authorization mechanism you have provided is not supported. Please use AWS4-HMAC-SHA256."


def client(signature_version, secret=None):
    return boto3.client(
        "s3",
        endpoint_url=endpoint,
        aws_access_key_id=os.environ["AWS_ACCESS_KEY_ID"],
        aws_secret_access_key=secret or os.environ["AWS_SECRET_ACCESS_KEY"],
        config=Config(signature_version=signature_version, s3={"addressing_style": "path"}, retries={"max_attempts": 1}),
    )


def expect(condition, message):
    if not condition:
        raise AssertionError(message)


def fetch(url):
    context = ssl.create_default_context(cafile=os.environ.get("AWS_CA_BUNDLE")) if url.startswith("https") else None
    try:
        with urllib.request.urlopen(url, context=context) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def error_of(action):
    try:
        action()
    except ClientError as error:
        return error.response["Error"]
    raise AssertionError("expected the request to fail")


v4 = client("s3v4")
v2 = client("s3")
v4.create_bucket(Bucket=bucket)
v4.put_object(Bucket=bucket, Key="dir/a b+c.txt", Body=b"written with SigV4")

# botocore writes a negative ExpiresIn into X-Amz-Expires as is.
url = v4.generate_presigned_url("get_object", Params={"Bucket": bucket, "Key": "dir/a b+c.txt"}, ExpiresIn=-7)
expect("X-Amz-Expires=-7" in url, f"botocore no longer writes a negative expiry: {url}")
status, body = fetch(url)
expect(status == 400 and "<Code>AuthorizationQueryParametersError</Code>" in body
       and "X-Amz-Expires must be non-negative" in body, f"negative X-Amz-Expires: {status} {body}")

if mode == "reject":
    error = error_of(lambda: v2.get_object(Bucket=bucket, Key="dir/a b+c.txt"))
    expect(error["Code"] == "InvalidRequest" and error["Message"] == REFUSAL, f"SigV2 header: {error}")
    url = v2.generate_presigned_url("get_object", Params={"Bucket": bucket, "Key": "dir/a b+c.txt"}, ExpiresIn=300)
    expect("AWSAccessKeyId=" in url and "Signature=" in url, f"not a SigV2 URL: {url}")
    status, body = fetch(url)
    expect(status == 400 and REFUSAL in body, f"SigV2 presigned URL: {status} {body}")
else:
    expect(v2.get_object(Bucket=bucket, Key="dir/a b+c.txt")["Body"].read() == b"written with SigV4", "SigV2 GET")
    v2.put_object(Bucket=bucket, Key="v2/ü key.txt", Body=b"written with SigV2", ContentType="text/plain",
                  Metadata={"signed-by": "botocore-s3"})
    head = v4.head_object(Bucket=bucket, Key="v2/ü key.txt")
    expect(head["ContentType"] == "text/plain" and head["Metadata"] == {"signed-by": "botocore-s3"}, f"SigV2 PUT: {head}")
    expect([o["Key"] for o in v2.list_objects(Bucket=bucket, Prefix="v2/")["Contents"]] == ["v2/ü key.txt"], "SigV2 ListObjects")
    expect(v2.list_objects_v2(Bucket=bucket)["KeyCount"] == 2, "SigV2 ListObjectsV2")
    v2.put_object_tagging(Bucket=bucket, Key="v2/ü key.txt", Tagging={"TagSet": [{"Key": "k", "Value": "v"}]})
    expect(v2.get_object_tagging(Bucket=bucket, Key="v2/ü key.txt")["TagSet"] == [{"Key": "k", "Value": "v"}], "SigV2 ?tagging")

    upload = v2.create_multipart_upload(Bucket=bucket, Key="v2/multipart")["UploadId"]
    part = v2.upload_part(Bucket=bucket, Key="v2/multipart", UploadId=upload, PartNumber=1, Body=b"one part")
    v2.complete_multipart_upload(Bucket=bucket, Key="v2/multipart", UploadId=upload,
                                 MultipartUpload={"Parts": [{"PartNumber": 1, "ETag": part["ETag"]}]})
    expect(v4.get_object(Bucket=bucket, Key="v2/multipart")["Body"].read() == b"one part", "SigV2 multipart")

    url = v2.generate_presigned_url("get_object", Params={"Bucket": bucket, "Key": "v2/ü key.txt"}, ExpiresIn=300)
    expect("AWSAccessKeyId=" in url and "Signature=" in url, f"not a SigV2 URL: {url}")
    status, body = fetch(url)
    expect(status == 200 and body == "written with SigV2", f"SigV2 presigned URL: {status} {body}")

    error = error_of(lambda: client("s3", secret="not-the-secret").get_object(Bucket=bucket, Key="dir/a b+c.txt"))
    expect(error["Code"] == "SignatureDoesNotMatch", f"SigV2 wrong secret: {error}")
    v2.delete_object(Bucket=bucket, Key="v2/multipart")

print("OK")
