// The AWS SDK for JavaScript v3 at hosts it builds itself, reached through the fixture's HostRedirectProxy:
// the default endpoint (bucket.s3.us-east-1.amazonaws.com, kms.us-east-1.amazonaws.com) or a given endpoint with
// virtual-hosted style (bucket.localhost:PORT).
// Usage: node proxied_scenario.mjs BUCKET [ENDPOINT] (HTTPS_PROXY, credentials and NODE_EXTRA_CA_CERTS from the environment).
// Prints OK on success; a failed expectation throws and exits non-zero.
import { S3Client, CreateBucketCommand, PutObjectCommand, GetObjectCommand, ListObjectsV2Command } from "@aws-sdk/client-s3";
import { proxyAgents } from "./proxy_agent.mjs";

const [bucket, endpoint] = process.argv.slice(2);
const requestHandler = proxyAgents();
if (!requestHandler) throw new Error("HTTPS_PROXY is not set");
const s3 = new S3Client({ region: "us-east-1", endpoint, forcePathStyle: false, maxAttempts: 1, requestHandler });
const expect = (condition, message) => { if (!condition) throw new Error(message); };

const hosts = [];
s3.middlewareStack.add((next) => async (args) => { hosts.push(args.request.hostname); return next(args); }, { step: "finalizeRequest" });

try {
  await s3.send(new CreateBucketCommand({ Bucket: bucket }));
} catch (error) {
  // The bucket under localhost is one of the emulator's initial buckets, named in its certificate.
  if (error.name !== "BucketAlreadyOwnedByYou") throw error;
}
await s3.send(new PutObjectCommand({ Bucket: bucket, Key: "dir/a b.txt", Body: "through the proxy" }));
const got = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: "dir/a b.txt" }));
expect(await got.Body.transformToString() === "through the proxy", "GET returned other bytes");
const listed = await s3.send(new ListObjectsV2Command({ Bucket: bucket }));
expect(listed.Contents.map((o) => o.Key).join() === "dir/a b.txt", `listing: ${JSON.stringify(listed.Contents)}`);
expect(hosts.every((h) => h.startsWith(`${bucket}.`)), `hosts: ${hosts}`);
console.log(hosts[0]);
console.log("OK");
