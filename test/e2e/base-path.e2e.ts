/**
 * The add-in hosted under a path (ADDIN_PUBLIC_URL=https://host/gal): the demo served at
 * /gal/ loads the pane, its chunks and the Office stand-in from /gal/, and the pane reaches
 * the relay at /gal/admin/api/ and its token at /gal/demo/token. Nothing is asked of the root.
 */
import { strings } from "../../src/taskpane/strings";
import { startDemoSession, type DemoSession } from "./demo-session";

let session: DemoSession;

beforeAll(async () => {
  session = await startDemoSession({ basePath: "/gal" });
});

afterAll(async () => {
  await session?.close();
});

it("runs under /gal: verdict from the emulator through /gal/admin/api, no request outside /gal/", async () => {
  const demo = await session.open();
  const outside: string[] = [];
  const relayed: string[] = [];
  demo.page.on("request", (request) => {
    const url = new URL(request.url());
    if (!/^https?:$/.test(url.protocol)) return;
    if (!url.pathname.startsWith("/gal/")) outside.push(url.pathname);
    if (url.pathname.startsWith("/gal/admin/api/")) relayed.push(url.pathname);
  });
  await demo.select("northwind-delivery");
  await demo.paneShows(strings.verdict.exists);
  expect(relayed.length).toBeGreaterThan(0);
  expect(session.demo.emulator.requests().length).toBeGreaterThan(0);
  expect(outside).toEqual([]);
  expect(demo.problems).toEqual([]);
});
