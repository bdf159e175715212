/**
 * Injected faults: throttling, outages, slow answers, dropped connections and the
 * ambiguous write (applied, then failed). One queue in arrival order; a request takes
 * the first fault whose route is its own (an InvokeCommand cmdlet's also takes its admin
 * center route's, see CMDLET_ROUTE) or "*".
 */
import { z } from "zod";
import { ADMIN_API_ROUTES, type AdminApiRouteName } from "../admin-api/wire";
import { EXCHANGE_CMDLETS, type ExchangeCmdlet } from "../exchange-rest/wire";

const routeNames = Object.keys(ADMIN_API_ROUTES) as [AdminApiRouteName, ...AdminApiRouteName[]];
const cmdletNames = Object.keys(EXCHANGE_CMDLETS) as ExchangeCmdlet[];

/**
 * The admin center route whose faults an InvokeCommand cmdlet also takes, so that every
 * switch written for one backend ("create fails", "search throttled") plays on the other.
 * A fault may also name a cmdlet to hit that cmdlet only.
 */
export const CMDLET_ROUTE: Record<ExchangeCmdlet, AdminApiRouteName | null> = {
  "Get-MailContact": "search",
  "Get-Contact": null,
  "Get-Recipient": null,
  "New-MailContact": "create",
  "Set-Contact": "updateGeneral",
  "Set-MailContact": "updateOptions",
};

export type FaultTarget = AdminApiRouteName | ExchangeCmdlet;

export const FaultSpecSchema = z
  .object({
    /** An admin center route, an InvokeCommand cmdlet, or "*" for every call. */
    route: z.enum([...routeNames, ...cmdletNames, "*"]),
    /** How many requests this fault hits. */
    times: z.number().int().min(1).max(100_000).default(1),
    status: z.number().int().min(100).max(599).optional(),
    /** Response body: a string is sent as is (text/html when it starts with "<"), anything else as JSON. */
    body: z.union([z.string(), z.record(z.string(), z.unknown()), z.array(z.unknown())]).optional(),
    headers: z.record(z.string(), z.string()).optional(),
    latencyMs: z.number().int().min(0).max(600_000).optional(),
    /** Destroy the socket without any response. */
    drop: z.boolean().optional(),
    /** For writes: apply the change, then fail with `status` (default 500) or `drop`. */
    afterApply: z.boolean().optional(),
  })
  .strict();

export type FaultSpec = z.input<typeof FaultSpecSchema>;
export type Fault = Omit<z.output<typeof FaultSpecSchema>, "times">;

export class FaultQueue {
  private queue: Array<{ fault: Fault; remaining: number }> = [];

  add(spec: z.output<typeof FaultSpecSchema>): void {
    const { times, ...fault } = spec;
    this.queue.push({ fault, remaining: times });
  }

  /** Takes the next fault for this route or cmdlet (or its admin center route), if any. */
  take(target: FaultTarget): Fault | null {
    const alias = target in CMDLET_ROUTE ? CMDLET_ROUTE[target as ExchangeCmdlet] : null;
    const index = this.queue.findIndex(
      (entry) => entry.fault.route === target || entry.fault.route === alias || entry.fault.route === "*",
    );
    if (index < 0) return null;
    const entry = this.queue[index] as { fault: Fault; remaining: number };
    entry.remaining -= 1;
    if (entry.remaining <= 0) this.queue.splice(index, 1);
    return entry.fault;
  }

  clear(): void {
    this.queue = [];
  }

  get pending(): number {
    return this.queue.reduce((sum, entry) => sum + entry.remaining, 0);
  }
}
