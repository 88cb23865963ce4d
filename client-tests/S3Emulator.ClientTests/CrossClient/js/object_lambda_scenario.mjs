// S3 Object Lambda through the AWS SDK for JavaScript v3: GetObjectCommand with an Object Lambda access point's ARN
// as the bucket (the SDK builds {name}-{account}.localhost:PORT from the endpoint and signs s3-object-lambda), and
// a presigned GET of the same (getSignedUrl) fetched with fetch. Both must return the transformed body.
// Usage: node object_lambda_scenario.mjs ENDPOINT OLAP_ARN KEY EXPECTED_BODY
// (credentials and NODE_EXTRA_CA_CERTS from the environment). Prints the host the SDK built, then OK; a failed
// expectation throws and exits non-zero.
import "./localhost_resolver.mjs";
import { S3Client, GetObjectCommand } from "@aws-sdk/client-s3";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";

const [endpoint, arn, key, expected] = process.argv.slice(2);
const expect = (condition, message) => { if (!condition) throw new Error(message); };
const [, , , , account, resource] = arn.split(":");
const host = `${resource.split("/")[1]}-${account}.localhost`;

const s3 = new S3Client({ endpoint, region: "us-east-1", forcePathStyle: false, maxAttempts: 1 });
const sent = [];
// The deserialize step sees the request as it goes on the wire, after signing.
s3.middlewareStack.add((next) => async (args) => {
  sent.push({ hostname: args.request.hostname, authorization: args.request.headers.authorization ?? "" });
  return next(args);
}, { step: "deserialize", name: "recordRequest" });

const got = await s3.send(new GetObjectCommand({ Bucket: arn, Key: key }));
const body = await got.Body.transformToString();
expect(body === expected, `GetObject by ARN returned ${JSON.stringify(body)}`);
expect(sent.length === 1 && sent[0].hostname === host, `the SDK sent to ${JSON.stringify(sent)}`);
expect(sent[0].authorization.includes("/us-east-1/s3-object-lambda/aws4_request"), `signed as ${sent[0].authorization}`);

const url = new URL(await getSignedUrl(s3, new GetObjectCommand({ Bucket: arn, Key: key }), { expiresIn: 300 }));
expect(url.hostname === host, `presigned for ${url.host}`);
expect(url.searchParams.get("X-Amz-Credential")?.endsWith("/us-east-1/s3-object-lambda/aws4_request"),
  `presigned with ${url.searchParams.get("X-Amz-Credential")}`);
const fetched = await fetch(url);
const fetchedBody = await fetched.text();
expect(fetched.status === 200, `fetch of the presigned URL: ${fetched.status} ${fetchedBody}`);
expect(fetchedBody === expected, `fetch of the presigned URL returned ${JSON.stringify(fetchedBody)}`);

console.log(host);
console.log("OK");
