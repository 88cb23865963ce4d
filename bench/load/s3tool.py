#!/usr/bin/env python3
"""What run.sh needs from an S3 client, with botocore (the AWS CLI's own library, so present wherever the CLI is):

  presign ENDPOINT [--sse-c KEY]        reads "METHOD BUCKET KEY" lines on stdin, prints one presigned URL per line
  sse-c-headers KEY                     the three SSE-C headers a presigned URL signed with KEY must be sent with
  policy NAME BUCKET ACCOUNT [ARN]      a policy of bench/S3Emulator.Bench/BenchPolicies.cs, as JSON
  alias ENDPOINT ACCOUNT NAME           the alias of an access point (S3 Control GetAccessPoint)
  table RESULTS.tsv MARKDOWN            prints the results table and writes it as markdown

The AWS CLI presigns only GETs; a presigned PUT (and one that signs the SSE-C headers) needs the library.
"""
import base64
import hashlib
import json
import pathlib
import re
import sys
import textwrap
import urllib.request
import xml.etree.ElementTree as ElementTree

ACCESS_KEY = "AKIAIOSFODNN7EXAMPLE"
SECRET_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
REGION = "us-east-1"
# A day: long enough for any run, and within SigV4's seven-day limit.
EXPIRES = 86400


def s3_client(endpoint):
    import botocore.config
    import botocore.session

    session = botocore.session.get_session()
    session.set_credentials(ACCESS_KEY, SECRET_KEY)
    config = botocore.config.Config(signature_version="s3v4", s3={"addressing_style": "path"})
    return session.create_client("s3", region_name=REGION, endpoint_url=endpoint, config=config, verify=False)


def presign(endpoint, sse_c_key=None):
    client = s3_client(endpoint)
    operations = {"GET": "get_object", "PUT": "put_object"}
    for line in sys.stdin:
        if not line.strip():
            continue
        method, bucket, key = line.split()
        params = {"Bucket": bucket, "Key": key}
        if sse_c_key:
            # botocore signs the three customer-key headers into the URL; the caller must send them (sse-c-headers).
            params.update(SSECustomerAlgorithm="AES256", SSECustomerKey=sse_c_key)
        print(client.generate_presigned_url(operations[method], Params=params, ExpiresIn=EXPIRES))


def sse_c_headers(key):
    raw = key.encode()
    print("x-amz-server-side-encryption-customer-algorithm: AES256")
    print("x-amz-server-side-encryption-customer-key: " + base64.b64encode(raw).decode())
    print("x-amz-server-side-encryption-customer-key-MD5: " + base64.b64encode(hashlib.md5(raw).digest()).decode())


def policy(name, bucket, account, arn=None):
    """Reads the C# raw string literal of BenchPolicies.NAME, so the load and the BenchmarkDotNet runs share one text."""
    source = (pathlib.Path(__file__).parent.parent / "S3Emulator.Bench" / "BenchPolicies.cs").read_text()
    match = re.search(r"\b" + name + r'\([^)]*\) => \$\$"""\n(.*?)"""', source, re.S)
    if not match:
        sys.exit(f"BenchPolicies.{name} not found in {source}")
    values = dict(re.findall(r'const string (\w+) = "([^"]*)";', source))
    values.update(bucket=bucket, account=account, accessPointArn=arn or "")
    # A C# raw string loses the closing quotes' indentation; S3 wants the policy to begin with '{'.
    text = re.sub(r"\{\{(\w+)\}\}", lambda m: values[m.group(1)], textwrap.dedent(match.group(1)).strip())
    json.loads(text)  # a changed C# shape fails here, not as a policy the emulator refuses
    print(text)


def alias(endpoint, account, name):
    """S3 Control by the x-amz-account-id header on the plain endpoint: no {account}.host name to resolve."""
    from botocore.auth import S3SigV4Auth
    from botocore.awsrequest import AWSRequest
    from botocore.credentials import Credentials

    request = AWSRequest(method="GET", url=f"{endpoint}/v20180820/accesspoint/{name}", headers={"x-amz-account-id": account})
    # S3's signer: it also sends x-amz-content-sha256, which S3 (and S3 Control) require.
    S3SigV4Auth(Credentials(ACCESS_KEY, SECRET_KEY), "s3", REGION).add_auth(request)
    prepared = request.prepare()
    with urllib.request.urlopen(urllib.request.Request(prepared.url, headers=dict(prepared.headers))) as response:
        document = ElementTree.fromstring(response.read())
    print(next(e.text for e in document.iter() if e.tag.endswith("}Alias") or e.tag == "Alias"))


def table(results_path, markdown_path):
    """One row per wrk run. Columns of RESULTS.tsv: cell, server, limit cell, base cell, object bytes, requests,
    duration µs, p50 µs, p99 µs, errors. The ratio is to nginx's row of the limit cell; the note compares the
    cell with its base cell on the same server (policy and request-log cells)."""
    rows = []
    for line in pathlib.Path(results_path).read_text().splitlines():
        cell, server, limit, base, size, requests, duration, p50, p99, errors = line.split("\t")
        rows.append(dict(cell=cell, server=server, limit=limit, base=base, size=int(size),
                         rps=int(requests) / (int(duration) / 1e6), p50=int(p50), p99=int(p99), errors=int(errors)))
    nginx = {r["cell"]: r["rps"] for r in rows if r["server"].startswith("nginx")}
    own = {(r["cell"], r["server"]): r["rps"] for r in rows}

    def ms(us):
        return f"{us / 1000:.2f}"

    header = ["cell", "server", "req/s", "MB/s", "p50 ms", "p99 ms", "ratio to nginx", "errors", "note"]
    lines = []
    for r in rows:
        ratio = "" if r["server"].startswith("nginx") or r["limit"] not in nginx else f"{r['rps'] / nginx[r['limit']]:.2f}"
        note = ""
        if r["base"] != "-" and (r["base"], r["server"]) in own:
            note = f"{r['rps'] / own[(r['base'], r['server'])]:.2f} of {r['base'].split(', ')[-1]}"
        lines.append([r["cell"], r["server"], f"{r['rps']:,.0f}", f"{r['rps'] * r['size'] / 1e6:,.1f}",
                      ms(r["p50"]), ms(r["p99"]), ratio, str(r["errors"]), note])

    widths = [max(len(row[i]) for row in [header] + lines) for i in range(len(header))]
    numeric = {2, 3, 4, 5, 6, 7}
    for row in [header] + lines:
        print("  ".join(v.rjust(w) if i in numeric else v.ljust(w) for i, (v, w) in enumerate(zip(row, widths))).rstrip())

    with open(markdown_path, "a") as markdown:
        markdown.write("| " + " | ".join(header) + " |\n")
        markdown.write("|" + "|".join("---:" if i in numeric else "---" for i in range(len(header))) + "|\n")
        for row in lines:
            markdown.write("| " + " | ".join(row) + " |\n")


if __name__ == "__main__":
    command, args = sys.argv[1], sys.argv[2:]
    if command == "presign":
        presign(args[0], args[2] if args[1:2] == ["--sse-c"] else None)
    elif command == "sse-c-headers":
        sse_c_headers(args[0])
    elif command == "policy":
        policy(*args)
    elif command == "alias":
        alias(*args)
    elif command == "table":
        table(*args)
    else:
        sys.exit(__doc__)
