// Resolves every *.localhost name to the loopback address, as RFC 6761 asks of resolvers (browsers and
// systemd-resolved do; glibc's resolver here does not). Node's http/https agents and its fetch all look names up
// through dns.lookup, so importing this module first lets the hosts the AWS SDK builds from a localhost endpoint
// ({bucket}.localhost, {name}-{account}.localhost) reach the emulator directly: no proxy, TLS checked by name
// against the emulator's certificate (NODE_EXTRA_CA_CERTS).
import dns from "node:dns";

const lookup = dns.lookup;
dns.lookup = function (hostname, options, callback) {
  const loopback = typeof hostname === "string" && hostname.toLowerCase().endsWith(".localhost");
  return lookup.call(this, loopback ? "localhost" : hostname, options, callback);
};
