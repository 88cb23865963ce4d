// One S3 scenario through the AWS SDK for JavaScript v3 against the emulator: odd keys, checksums,
// multipart, copy, SSE-KMS, SSE-C (over HTTPS) and errors.
// Usage: node jssdk_scenario.mjs ENDPOINT BUCKET (credentials from the environment; NODE_EXTRA_CA_CERTS for HTTPS).
// Prints OK on success; a failed expectation throws and exits non-zero.
import { randomBytes, createHash } from "node:crypto";
import {
  S3Client, CreateBucketCommand, PutObjectCommand, GetObjectCommand, HeadObjectCommand, ListObjectsV2Command,
  CopyObjectCommand, DeleteObjectsCommand, DeleteBucketCommand, CreateMultipartUploadCommand, UploadPartCommand,
  CompleteMultipartUploadCommand, PutBucketEncryptionCommand, NoSuchKey,
} from "@aws-sdk/client-s3";

const [endpoint, bucket] = process.argv.slice(2);
const s3 = new S3Client({ endpoint, region: "us-east-1", forcePathStyle: true, maxAttempts: 1 });
const expect = (condition, message) => { if (!condition) throw new Error(message); };
const text = async (response) => Buffer.from(await response.Body.transformToByteArray()).toString("utf8");

await s3.send(new CreateBucketCommand({ Bucket: bucket }));

const key = "dir/a/../b c+d%2F ü.txt";
await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: "js body", ContentType: "text/plain", Metadata: { origin: "js" } }));
const got = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key, ChecksumMode: "ENABLED" }));
expect(await text(got) === "js body", "GET returned other bytes");
expect(got.ContentType === "text/plain", `Content-Type: ${got.ContentType}`);
expect(got.Metadata.origin === "js", `metadata: ${JSON.stringify(got.Metadata)}`);
expect(got.ServerSideEncryption === "AES256", `SSE: ${got.ServerSideEncryption}`);

const listed = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: "dir/" }));
expect(listed.Contents.length === 1 && listed.Contents[0].Key === key, `listing: ${JSON.stringify(listed.Contents)}`);

const parts = [randomBytes(5 * 1024 * 1024), randomBytes(1234)];
const upload = await s3.send(new CreateMultipartUploadCommand({ Bucket: bucket, Key: "multi.bin", ChecksumAlgorithm: "CRC32" }));
const etags = [];
for (const [index, body] of parts.entries()) {
  const part = await s3.send(new UploadPartCommand({
    Bucket: bucket, Key: "multi.bin", UploadId: upload.UploadId, PartNumber: index + 1, Body: body, ChecksumAlgorithm: "CRC32",
  }));
  etags.push({ PartNumber: index + 1, ETag: part.ETag, ChecksumCRC32: part.ChecksumCRC32 });
}
const completed = await s3.send(new CompleteMultipartUploadCommand({
  Bucket: bucket, Key: "multi.bin", UploadId: upload.UploadId, MultipartUpload: { Parts: etags },
}));
expect(completed.ETag.endsWith('-2"'), `multipart ETag: ${completed.ETag}`);
const whole = Buffer.from(await (await s3.send(new GetObjectCommand({ Bucket: bucket, Key: "multi.bin" }))).Body.transformToByteArray());
const sha = (data) => createHash("sha256").update(data).digest("hex");
expect(sha(whole) === sha(Buffer.concat(parts)), "multipart content differs");

await s3.send(new CopyObjectCommand({ Bucket: bucket, Key: "copy.txt", CopySource: `${bucket}/${encodeURIComponent(key)}` }));
expect(await text(await s3.send(new GetObjectCommand({ Bucket: bucket, Key: "copy.txt" }))) === "js body", "copy differs");

await s3.send(new PutObjectCommand({ Bucket: bucket, Key: "kms.txt", Body: "kms body", ServerSideEncryption: "aws:kms" }));
const kmsHead = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: "kms.txt" }));
expect(kmsHead.SSEKMSKeyId?.startsWith("arn:aws:kms:us-east-1:"), `SSE-KMS key id: ${kmsHead.SSEKMSKeyId}`);

if (endpoint.startsWith("https://")) {
  await s3.send(new PutBucketEncryptionCommand({
    Bucket: bucket,
    ServerSideEncryptionConfiguration: { Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: "AES256" }, BlockedEncryptionTypes: { EncryptionType: ["NONE"] } }] },
  }));
  const customerKey = randomBytes(32);
  const sseC = { SSECustomerAlgorithm: "AES256", SSECustomerKey: customerKey.toString("base64"), SSECustomerKeyMD5: createHash("md5").update(customerKey).digest("base64") };
  await s3.send(new PutObjectCommand({ Bucket: bucket, Key: "ssec.txt", Body: "ssec body", ...sseC }));
  expect(await text(await s3.send(new GetObjectCommand({ Bucket: bucket, Key: "ssec.txt", ...sseC }))) === "ssec body", "SSE-C content differs");
}

try {
  await s3.send(new GetObjectCommand({ Bucket: bucket, Key: "missing" }));
  throw new Error("GET of a missing key succeeded");
} catch (error) {
  expect(error instanceof NoSuchKey, `missing key: ${error.name} ${error.message}`);
}

const remaining = await s3.send(new ListObjectsV2Command({ Bucket: bucket }));
await s3.send(new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: remaining.Contents.map((o) => ({ Key: o.Key })) } }));
await s3.send(new DeleteBucketCommand({ Bucket: bucket }));
console.log("OK");
