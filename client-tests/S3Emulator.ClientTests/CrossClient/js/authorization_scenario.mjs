// Authorization through the AWS SDK for JavaScript v3: an unsigned (anonymous) GetObject is allowed by a public
// bucket policy and refused on a private bucket; the owner reads through an access point's alias.
// Usage: node authorization_scenario.mjs ENDPOINT PUBLIC_BUCKET PRIVATE_BUCKET ALIAS
// (each bucket holds doc.txt; the alias names an access point on PRIVATE_BUCKET; credentials from the environment).
// Prints OK on success; a failed expectation throws and exits non-zero.
import { S3Client, GetObjectCommand } from "@aws-sdk/client-s3";

const [endpoint, publicBucket, privateBucket, alias] = process.argv.slice(2);
const expect = (condition, message) => { if (!condition) throw new Error(message); };
const text = async (response) => Buffer.from(await response.Body.transformToByteArray()).toString("utf8");
const settings = { endpoint, region: "us-east-1", forcePathStyle: true, maxAttempts: 1 };

// A signer that leaves the request as it is: no Authorization header, no x-amz-* signing headers, so the emulator
// sees an anonymous caller (credentials are still resolved from the environment, then not used).
const anonymous = new S3Client({ ...settings, signer: { sign: async (request) => request } });
const owner = new S3Client(settings);

let sentAuthorization = null;
// The deserialize step sees the request as it goes on the wire, after signing.
anonymous.middlewareStack.add((next) => async (args) => {
  sentAuthorization = args.request.headers.authorization ?? args.request.headers.Authorization ?? "";
  return next(args);
}, { step: "deserialize", name: "recordAuthorization" });

const read = await anonymous.send(new GetObjectCommand({ Bucket: publicBucket, Key: "doc.txt" }));
expect(await text(read) === "public body", "anonymous read of the public bucket returned other bytes");
expect(sentAuthorization === "", `the anonymous request was signed: ${sentAuthorization}`);

try {
  await anonymous.send(new GetObjectCommand({ Bucket: privateBucket, Key: "doc.txt" }));
  throw new Error("anonymous GET of a private bucket succeeded");
} catch (error) {
  expect(error.name === "AccessDenied" && error.$metadata?.httpStatusCode === 403,
    `anonymous read of the private bucket: ${error.name} ${error.$metadata?.httpStatusCode} ${error.message}`);
  expect(error.message.startsWith("Access Denied"), `anonymous callers are told no more than AWS tells them: ${error.message}`);
}

const throughAlias = await owner.send(new GetObjectCommand({ Bucket: alias, Key: "doc.txt" }));
expect(await text(throughAlias) === "private body", "GET through the access point alias returned other bytes");

console.log("OK");
