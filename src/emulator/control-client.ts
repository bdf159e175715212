/**
 * A small HTTP client for the emulator's control surface (/__emulator/), for tests,
 * benchmarks and the demo that drive an emulator over the network rather than in-process.
 */
import type { ContactRecord } from "../admin-api/wire";
import type { FaultReport, FaultSpec, FaultState } from "./faults";
import type { EmulatorSeed, EmulatorSettings, EmulatorSettingsPatch } from "./seed";
import type { RecordedRequest } from "./server";

export class EmulatorControl {
  /** `baseUrl`: the emulator's url, e.g. http://127.0.0.1:4000 */
  constructor(private readonly baseUrl: string) {}

  private async call(method: string, route: string, body?: unknown): Promise<Response> {
    const response = await fetch(`${this.baseUrl}/__emulator/${route}`, {
      method,
      headers: body === undefined ? {} : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) {
      throw new Error(
        `Emulator control ${method} ${route} failed: ${response.status} ${await response.text()}`,
      );
    }
    return response;
  }

  async reset(seed: EmulatorSeed = {}): Promise<void> {
    await this.call("POST", "reset", seed);
  }

  async contacts(): Promise<ContactRecord[]> {
    const response = await this.call("GET", "contacts");
    return ((await response.json()) as { Contacts: ContactRecord[] }).Contacts;
  }

  async requests(): Promise<RecordedRequest[]> {
    const response = await this.call("GET", "requests");
    return ((await response.json()) as { Requests: RecordedRequest[] }).Requests;
  }

  async addFault(fault: FaultSpec): Promise<void> {
    await this.call("POST", "faults", fault);
  }

  /** Queued faults and what became of promotion faults (fired, or why not). */
  async faults(): Promise<{ Faults: FaultState[]; Reports: FaultReport[] }> {
    const response = await this.call("GET", "faults");
    return (await response.json()) as { Faults: FaultState[]; Reports: FaultReport[] };
  }

  async clearFaults(): Promise<void> {
    await this.call("DELETE", "faults");
  }

  async updateSettings(patch: EmulatorSettingsPatch): Promise<void> {
    await this.call("POST", "settings", patch);
  }

  async settings(): Promise<EmulatorSettings> {
    const response = await this.call("GET", "settings");
    return (await response.json()) as EmulatorSettings;
  }
}
