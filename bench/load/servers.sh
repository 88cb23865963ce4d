# Servers of run.sh (sourced): the published host started three ways, nginx, and the objects and presigned URLs each
# serves. Reads run.sh's variables (work, ports, sizes, account, sse_c_key); fills url[…] and $work/urls/.

publish_host() {
  if [[ -n $host_dir ]]; then
    log "using the host published in $host_dir"
  else
    command -v dotnet >/dev/null || die "the .NET SDK is needed to publish the host (or pass --host <folder>)"
    log "publishing the Release host"
    dotnet publish -c Release "$repo/emulator/S3Emulator.Host" -o "$work/host" -nologo >"$work/publish.log" 2>&1 \
      || { tail -30 "$work/publish.log" >&2; die "dotnet publish failed"; }
    host_dir=$work/host
  fi
  [[ -x $host_dir/S3Emulator.Host ]] || die "no S3Emulator.Host in $host_dir"
}

# start_host NAME HTTP-PORT HTTPS-PORT [host switches…]: the environment of the call configures it.
start_host() {
  local name=$1 http=$2 https=$3
  shift 3
  "$host_dir/S3Emulator.Host" --http-port "$http" --https-port "$https" "$@" >"$work/$name.log" 2>&1 &
  pids+=($!)
  port_pid[$http]=$! port_pid[$https]=$!
  wait_ready "http://127.0.0.1:$http/_s3emulator/health" "$work/$name.log" $!
}

# nginx as the limit: the same files for GET, WebDAV PUT (temp file in the same file system, then rename, no fsync).
# A second server of the same nginx serves the GETs without sendfile: read into a buffer, then written to the socket,
# the copies any server that must touch the bytes (ours decrypts them) pays, and sendfile avoids.
start_nginx() {
  local dir=$work/nginx
  mkdir -p "$dir/www/bench" "$dir/tmp"
  # The emulator's own certificate is ECDSA P-256: the same handshake cost.
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -subj /CN=localhost -days 2 \
    -keyout "$dir/key.pem" -out "$dir/cert.pem" 2>/dev/null || die "openssl could not make nginx's certificate"
  # As root the workers would run as nobody, who cannot read a mktemp folder.
  local user=""
  [[ $(id -u) == 0 ]] && user="user root root;"
  cat >"$dir/nginx.conf" <<EOF
$user
worker_processes auto;
pid $dir/nginx.pid;
error_log $dir/error.log;
events { worker_connections 4096; }
http {
  access_log off;
  default_type application/octet-stream;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  client_max_body_size 0;
  client_body_temp_path $dir/tmp/body;
  proxy_temp_path $dir/tmp/proxy;
  fastcgi_temp_path $dir/tmp/fastcgi;
  uwsgi_temp_path $dir/tmp/uwsgi;
  scgi_temp_path $dir/tmp/scgi;
  server {
    listen 127.0.0.1:$nginx_http;
    listen 127.0.0.1:$nginx_https ssl;
    ssl_certificate $dir/cert.pem;
    ssl_certificate_key $dir/key.pem;
    root $dir/www;
    location / {
      dav_methods PUT;
      create_full_put_path on;
    }
  }
  server {
    listen 127.0.0.1:$nginx_copy_http;
    sendfile off;
    root $dir/www;
  }
}
EOF
  "$nginx_bin" -p "$dir" -c "$dir/nginx.conf" -e "$dir/error.log" -g 'daemon off;' 2>>"$dir/error.log" &
  pids+=($!)
  port_pid[$nginx_http]=$! port_pid[$nginx_https]=$! port_pid[$nginx_copy_http]=$! # the master: cpu_ticks adds its workers
  wait_ready "http://127.0.0.1:$nginx_http/" "$dir/error.log" $!
}

start_servers() {
  log "starting nginx, and the host three times: file store, in memory, in memory with the request log"
  start_nginx
  # Buckets and the access point come from configuration; bucket policies and objects are put over S3 afterwards.
  export S3Emulator__RequestLog=false S3Emulator__BlockSseCOnNewBuckets=false \
    S3Emulator__InitialBuckets__0=bench S3Emulator__InitialBuckets__1=policy20 S3Emulator__InitialBuckets__2=viaap \
    S3Emulator__AccessPoints__0__Name=bench-ap S3Emulator__AccessPoints__0__Bucket=viaap
  S3Emulator__AccessPoints__0__Policy=$(s3tool policy AccessPointRead viaap "$account" "arn:aws:s3:us-east-1:$account:accesspoint/bench-ap")
  export S3Emulator__AccessPoints__0__Policy
  start_host file "$file_http" "$file_https" --data "$work/data"
  start_host memory "$mem_http" "$mem_https"
  S3Emulator__RequestLog=true start_host memory-log "$log_http" 0
}

# The same random bytes in nginx's folder and in each host. $work/urls/<server>/<name> holds the presigned URLs of what
# a cell reads or writes, one a line (a PUT cell's keys; see s3tool.py prepare); nginx's are its plain file URLs.
prepare_objects() {
  log "putting objects and policies, presigning URLs"
  mkdir -p "$work/objects" "$work/urls/nginx" "$work/urls/nginx-copy"
  local size nginx=http://127.0.0.1:$nginx_http nginx_tls=https://127.0.0.1:$nginx_https
  local nginx_copy=http://127.0.0.1:$nginx_copy_http
  for size in "${sizes[@]}"; do
    head -c "${bytes[$size]}" /dev/urandom >"$work/objects/get-$size"
    cp "$work/objects/get-$size" "$work/nginx/www/bench/get-$size"
    echo "$nginx/bench/get-$size" >"$work/urls/nginx/get-$size"
    echo "$nginx_copy/bench/get-$size" >"$work/urls/nginx-copy/get-$size"
    echo "$nginx_tls/bench/get-$size" >"$work/urls/nginx/sse-get-$size"
    seq 0 63 | sed "s|^|$nginx/bench/put-$size-|" >"$work/urls/nginx/put-$size"
    seq 0 63 | sed "s|^|$nginx_tls/bench/sse-put-$size-|" >"$work/urls/nginx/sse-put-$size"
  done
  mapfile -t sse_c_headers < <(s3tool sse-c-headers "$sse_c_key")
  prepare_host file "http://127.0.0.1:$file_http" "https://127.0.0.1:$file_https"
  prepare_host memory "http://127.0.0.1:$mem_http" "https://127.0.0.1:$mem_https"
  prepare_host memory-log "http://127.0.0.1:$log_http" - # the request-log cell reads get-4k only
}

prepare_host() { # NAME HTTP-ENDPOINT HTTPS-ENDPOINT|-
  s3tool prepare "$2" "$3" "$work/objects" "$work/urls/$1" "$account" "$sse_c_key" || die "could not prepare the host $1"
}
