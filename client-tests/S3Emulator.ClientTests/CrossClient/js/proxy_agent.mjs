// Node's http and https modules ignore HTTPS_PROXY; these agents tunnel every connection through the HTTP proxy
// it names (CONNECT host:port), so that the hosts the AWS SDK builds reach the emulator through the fixture's
// HostRedirectProxy. TLS runs end to end inside the tunnel: the server name and the certificate check stay the
// client's (NODE_EXTRA_CA_CERTS names the emulator's certificate).
// Usage: new S3Client({ region, requestHandler: { httpAgent, httpsAgent } }) with the agents from proxyAgents().
import http from "node:http";
import https from "node:https";
import tls from "node:tls";

function tunnel(proxy, options, callback) {
  const authority = `${options.host}:${options.port}`;
  const request = http.request({ host: proxy.hostname, port: proxy.port, method: "CONNECT", path: authority, headers: { host: authority } });
  request.once("connect", (response, socket) => {
    if (response.statusCode !== 200) {
      socket.destroy();
      callback(new Error(`proxy answered CONNECT ${authority} with ${response.statusCode}`));
      return;
    }
    callback(null, socket);
  });
  request.once("error", callback);
  request.end();
}

class TunnellingHttpAgent extends http.Agent {
  constructor(proxy) { super({ keepAlive: true }); this.proxy = proxy; }
  createConnection(options, callback) { tunnel(this.proxy, options, callback); }
}

class TunnellingHttpsAgent extends https.Agent {
  constructor(proxy) { super({ keepAlive: true }); this.proxy = proxy; }
  createConnection(options, callback) {
    tunnel(this.proxy, options, (error, socket) => {
      if (error) { callback(error); return; }
      callback(null, tls.connect({ ...options, socket, servername: options.servername || options.host }));
    });
  }
}

/** Agents for the proxy in HTTPS_PROXY (or https_proxy); undefined when none is set, so Node connects directly. */
export function proxyAgents(env = process.env) {
  const url = env.HTTPS_PROXY || env.https_proxy;
  if (!url) return undefined;
  const proxy = new URL(url);
  return { httpAgent: new TunnellingHttpAgent(proxy), httpsAgent: new TunnellingHttpsAgent(proxy) };
}
