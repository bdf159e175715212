import path from "node:path";
import { optionsFromCommandLine } from "./cli-options";
import { DEFAULT_FRAME_ANCESTORS } from "./security-headers";

describe("optionsFromCommandLine", () => {
  it("defaults to the real admin center, port 3000, loopback, plain HTTP and the Outlook frame ancestors", () => {
    const options = optionsFromCommandLine([], {});
    expect(options).toMatchObject({
      port: 3000,
      host: "127.0.0.1",
      upstream: "https://admin.microsoft.com",
      exchangeUpstream: "https://outlook.office365.com",
      distDir: path.resolve("dist"),
      trustProxy: false,
      frameAncestors: DEFAULT_FRAME_ANCESTORS,
      relayTimeoutMs: 20000,
    });
    expect(options.tls).toBeUndefined();
  });

  it("reads the environment, and flags win over it", () => {
    const env = {
      PORT: "8080",
      ADMIN_UPSTREAM: "http://127.0.0.1:4010",
      EXCHANGE_UPSTREAM: "https://outlook.office365.us",
      TLS_CERT_PATH: "c.pem",
      TLS_KEY_PATH: "k.pem",
      TRUST_PROXY: "1",
    };
    expect(optionsFromCommandLine([], env)).toMatchObject({
      port: 8080,
      upstream: "http://127.0.0.1:4010",
      exchangeUpstream: "https://outlook.office365.us",
      tls: { certPath: "c.pem", keyPath: "k.pem" },
      trustProxy: true,
    });
    const flagged = optionsFromCommandLine(
      ["--port", "9000", "--frame-ancestor", "'self'", "--frame-ancestor", "https://outlook.office.com"],
      env,
    );
    expect(flagged.port).toBe(9000);
    expect(flagged.frameAncestors).toEqual(["'self'", "https://outlook.office.com"]);
  });

  it("refuses a certificate without a key, a bad port and unknown flags", () => {
    expect(() => optionsFromCommandLine(["--cert", "c.pem"], {})).toThrow(/--cert and --key/);
    expect(() => optionsFromCommandLine(["--port", "eighty"], {})).toThrow(/Invalid port/);
    expect(() => optionsFromCommandLine(["--open-proxy"], {})).toThrow();
  });
});
