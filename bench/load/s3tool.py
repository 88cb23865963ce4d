#!/usr/bin/env python3
"""What run.sh needs from an S3 client, with botocore (the AWS CLI's library; Debian: python3-botocore):

  prepare ENDPOINT TLS-ENDPOINT|- OBJECTS URLS ACCOUNT SSE-C-KEY
                                        puts one host's objects and policies, writes the presigned URLs its cells use
  sse-c-headers KEY                     the three SSE-C headers a URL presigned with KEY must be sent with
  policy NAME BUCKET ACCOUNT [ARN]      a policy of bench/S3Emulator.Bench/BenchPolicies.cs, as JSON
  table RESULTS.tsv MARKDOWN            prints the results table and appends it to MARKDOWN

The AWS CLI presigns only GETs; a presigned PUT (and one that signs the SSE-C headers) needs the library. One process
per host also saves the twenty CLI start-ups the same puts would cost.
"""
import base64
import hashlib
import json
import pathlib
import re
import statistics
import sys
import textwrap
import urllib.request
import warnings
import xml.etree.ElementTree as ElementTree

ACCESS_KEY = "AKIAIOSFODNN7EXAMPLE"
SECRET_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
REGION = "us-east-1"
# A day: long enough for any run, and within SigV4's seven-day limit.
EXPIRES = 86400
# Keys per PUT cell: one per connection of the largest cell.
PUT_KEYS = 64


def s3_client(endpoint):
    import botocore.config
    import botocore.session

    # The hosts' certificates are self-signed; nothing here is secret.
    warnings.filterwarnings("ignore", message="Unverified HTTPS request")
    session = botocore.session.get_session()
    session.set_credentials(ACCESS_KEY, SECRET_KEY)
    config = botocore.config.Config(signature_version="s3v4", s3={"addressing_style": "path"})
    return session.create_client("s3", region_name=REGION, endpoint_url=endpoint, config=config, verify=False)


def prepare(endpoint, tls_endpoint, objects_dir, urls_dir, account, sse_c_key):
    """Objects get-<size> (from OBJECTS) in bucket bench, SSE-C copies sse-get-<size> over HTTPS, get-4k in the policy
    buckets, then the policies; writes URLS/<name>, one URL a line: get-<size>, sse-get-<size>, put-<size> and
    sse-put-<size> (one key a line), policy20, access-point. TLS endpoint "-": only the plain GETs."""
    objects = {p.name.removeprefix("get-"): p.read_bytes() for p in sorted(pathlib.Path(objects_dir).glob("get-*"))}
    urls = pathlib.Path(urls_dir)
    urls.mkdir(parents=True, exist_ok=True)
    s3 = s3_client(endpoint)

    def write(name, client, method, bucket, keys, **params):
        operation = {"GET": "get_object", "PUT": "put_object"}[method]
        lines = [client.generate_presigned_url(operation, Params=dict(Bucket=bucket, Key=key, **params), ExpiresIn=EXPIRES)
                 for key in keys]
        (urls / name).write_text("\n".join(lines) + "\n")

    for size, data in objects.items():
        s3.put_object(Bucket="bench", Key=f"get-{size}", Body=data)
        write(f"get-{size}", s3, "GET", "bench", [f"get-{size}"])
    if tls_endpoint == "-":
        return

    # botocore signs the three customer-key headers into the URL; wrk must send them (sse-c-headers).
    tls, sse_c = s3_client(tls_endpoint), dict(SSECustomerAlgorithm="AES256", SSECustomerKey=sse_c_key)
    for size, data in objects.items():
        tls.put_object(Bucket="bench", Key=f"sse-get-{size}", Body=data, **sse_c)
        write(f"sse-get-{size}", tls, "GET", "bench", [f"sse-get-{size}"], **sse_c)
        write(f"put-{size}", s3, "PUT", "bench", [f"put-{size}-{i}" for i in range(PUT_KEYS)])
        write(f"sse-put-{size}", tls, "PUT", "bench", [f"sse-put-{size}-{i}" for i in range(PUT_KEYS)], **sse_c)

    # Objects before policies: the 20-statement policy refuses unencrypted PUTs, as production policies do.
    for bucket in ("policy20", "viaap"):
        s3.put_object(Bucket=bucket, Key="get-4k", Body=objects["4k"])
    s3.put_bucket_policy(Bucket="policy20", Policy=policy_text("TwentyStatements", "policy20", account))
    s3.put_bucket_policy(Bucket="viaap", Policy=policy_text("DelegateToAccessPoints", "viaap", account))
    write("policy20", s3, "GET", "policy20", ["get-4k"])
    write("access-point", s3, "GET", access_point_alias(endpoint, account, "bench-ap"), ["get-4k"])


def sse_c_headers(key):
    raw = key.encode()
    print("x-amz-server-side-encryption-customer-algorithm: AES256")
    print("x-amz-server-side-encryption-customer-key: " + base64.b64encode(raw).decode())
    print("x-amz-server-side-encryption-customer-key-MD5: " + base64.b64encode(hashlib.md5(raw).digest()).decode())


def policy_text(name, bucket, account, arn=""):
    """Reads the C# raw string literal of BenchPolicies.NAME, so the load and the BenchmarkDotNet runs share one text."""
    path = pathlib.Path(__file__).resolve().parent.parent / "S3Emulator.Bench" / "BenchPolicies.cs"
    source = path.read_text()
    match = re.search(r"\b" + name + r'\([^)]*\) => \$\$"""\n(.*?)"""', source, re.S)
    if not match:
        sys.exit(f"BenchPolicies.{name} not found in {path}")
    values = dict(re.findall(r'const string (\w+) = "([^"]*)";', source))
    values.update(bucket=bucket, account=account, accessPointArn=arn)
    # A C# raw string loses the closing quotes' indentation; S3 wants the policy to begin with '{'.
    text = re.sub(r"\{\{(\w+)\}\}", lambda m: values[m.group(1)], textwrap.dedent(match.group(1)).strip())
    json.loads(text)  # a changed C# shape fails here, not as a policy the emulator refuses
    return text


def access_point_alias(endpoint, account, name):
    """S3 Control GetAccessPoint, by the x-amz-account-id header on the plain endpoint: no {account}.host to resolve."""
    from botocore.auth import S3SigV4Auth
    from botocore.awsrequest import AWSRequest
    from botocore.credentials import Credentials

    request = AWSRequest(method="GET", url=f"{endpoint}/v20180820/accesspoint/{name}", headers={"x-amz-account-id": account})
    # S3's signer: it also sends x-amz-content-sha256, which S3 Control requires.
    S3SigV4Auth(Credentials(ACCESS_KEY, SECRET_KEY), "s3", REGION).add_auth(request)
    prepared = request.prepare()
    with urllib.request.urlopen(urllib.request.Request(prepared.url, headers=dict(prepared.headers))) as response:
        document = ElementTree.fromstring(response.read())
    return next(e.text for e in document.iter() if e.tag.split("}")[-1] == "Alias")


# The servers whose rows are the limit a cell's ratio is taken to; "nginx, no sendfile" is not one: its row gets a ratio
# like ours, to show what serving the bytes from user space costs nginx itself.
LIMITS = ("nginx", "nginx (HTTPS)")


def table(results_path, markdown_path):
    """One row per wrk run. Columns of RESULTS.tsv: cell, server, limit cell, base cell, object bytes, requests,
    duration µs, p50 µs, p99 µs, errors, server CPU µs (user + system of the server's processes over the run; absent
    in older files). The ratio is to nginx's row of the limit cell; the note compares the cell with its base cell on
    the same server (policy and request-log cells), by req/s and by CPU per request."""
    rows = []
    for line in pathlib.Path(results_path).read_text().splitlines():
        cell, server, limit, base, size, requests, duration, p50, p99, errors, *cpu = line.split("\t")
        rows.append(dict(cell=cell, server=server, limit=limit, base=base, size=int(size),
                         rps=int(requests) / (int(duration) / 1e6), p50=int(p50), p99=int(p99), errors=int(errors),
                         cpu=int(cpu[0]) / int(requests) if cpu and int(requests) else None))
    nginx = {r["cell"]: r["rps"] for r in rows if r["server"] in LIMITS}
    own = {(r["cell"], r["server"]): r for r in rows}

    def ms(us):
        return f"{us / 1000:.2f}"

    header = ["cell", "server", "req/s", "MB/s", "p50 ms", "p99 ms", "CPU µs/req", "ratio to nginx", "errors", "note"]
    lines = []
    for r in rows:
        ratio = "" if r["server"] in LIMITS or r["limit"] not in nginx else f"{r['rps'] / nginx[r['limit']]:.2f}"
        note = ""
        if r["base"] != "-" and (r["base"], r["server"]) in own:
            base = own[(r["base"], r["server"])]
            note = f"{r['rps'] / base['rps']:.2f} of {r['base'].split(', ')[-1]}"
            if r["cpu"] and base["cpu"]:
                note += f", CPU/req {r['cpu'] / base['cpu']:.2f}"
        lines.append([r["cell"], r["server"], f"{r['rps']:,.0f}", f"{r['rps'] * r['size'] / 1e6:,.1f}",
                      ms(r["p50"]), ms(r["p99"]), "" if r["cpu"] is None else f"{r['cpu']:,.1f}", ratio,
                      str(r["errors"]), note])

    widths = [max(len(row[i]) for row in [header] + lines) for i in range(len(header))]
    numeric = {2, 3, 4, 5, 6, 7, 8}
    for row in [header] + lines:
        print("  ".join(v.rjust(w) if i in numeric else v.ljust(w) for i, (v, w) in enumerate(zip(row, widths))).rstrip())

    with open(markdown_path, "a") as markdown:
        markdown.write("| " + " | ".join(header) + " |\n")
        markdown.write("|" + "|".join("---:" if i in numeric else "---" for i in range(len(header))) + "|\n")
        for row in lines:
            markdown.write("| " + " | ".join(row) + " |\n")
    rounds_table(rows, nginx, own, markdown_path)


def rounds_table(rows, nginx, own, markdown_path):
    """With --repeat: per cell stem (the cell without " (round k)") and server, the median req/s over the rounds, the
    median of the per-round ratios to the same round's base cell, and to nginx's limit cell; then the median CPU per
    request and the median of its per-round ratios to the base cell's (the steadier measure on a shared machine:
    req/s moves with what else runs, the CPU a request costs the server much less)."""
    groups = {}
    for r in rows:
        match = re.fullmatch(r"(.*) \(round (\d+)\)", r["cell"])
        if match:
            groups.setdefault((match.group(1), r["server"]), []).append(r)
    if not groups:
        return
    header = ["cell", "server", "rounds", "median req/s", "min", "max", "median ratio to no policy", "to nginx",
              "median CPU µs/req", "median CPU/req ratio to no policy"]
    lines = []
    for (stem, server), runs in groups.items():
        rps = [r["rps"] for r in runs]
        with_base = [(r, own[(r["base"], server)]) for r in runs if (r["base"], server) in own]
        ratios = [r["rps"] / b["rps"] for r, b in with_base]
        cpu = [r["cpu"] for r in runs if r["cpu"]]
        cpu_ratios = [r["cpu"] / b["cpu"] for r, b in with_base if r["cpu"] and b["cpu"]]
        lines.append([stem, server, str(len(runs)), f"{statistics.median(rps):,.0f}", f"{min(rps):,.0f}",
                      f"{max(rps):,.0f}", f"{statistics.median(ratios):.3f}" if ratios else "",
                      f"{statistics.median(rps) / nginx[runs[0]['limit']]:.2f}" if runs[0]["limit"] in nginx else "",
                      f"{statistics.median(cpu):,.1f}" if cpu else "",
                      f"{statistics.median(cpu_ratios):.3f}" if cpu_ratios else ""])
    widths = [max(len(row[i]) for row in [header] + lines) for i in range(len(header))]
    numeric = {2, 3, 4, 5, 6, 7, 8, 9}
    print()
    for row in [header] + lines:
        print("  ".join(v.rjust(w) if i in numeric else v.ljust(w) for i, (v, w) in enumerate(zip(row, widths))).rstrip())
    with open(markdown_path, "a") as markdown:
        markdown.write("\nOver the rounds (each ratio is the median of the rounds' ratios to that round's no-policy cell):\n\n")
        markdown.write("| " + " | ".join(header) + " |\n")
        markdown.write("|" + "|".join("---:" if i in numeric else "---" for i in range(len(header))) + "|\n")
        for row in lines:
            markdown.write("| " + " | ".join(row) + " |\n")


if __name__ == "__main__":
    command, args = (sys.argv[1], sys.argv[2:]) if len(sys.argv) > 1 else ("", [])
    if command == "prepare":
        prepare(*args)
    elif command == "sse-c-headers":
        sse_c_headers(*args)
    elif command == "policy":
        print(policy_text(*args))
    elif command == "table":
        table(*args)
    else:
        sys.exit(__doc__)
