/**
 * Injected faults: throttling, outages, slow answers, dropped connections and the
 * ambiguous write (applied, then failed). One queue in arrival order; a request takes
 * the first fault whose route is its own (an InvokeCommand cmdlet's also takes its admin
 * center route's, see CMDLET_ROUTE) or "*".
 *
 * A fault with `promotion: true` belongs to the next promotion (create, then the updates of
 * the contact it made, then the check that reads it back) and to nothing else: it waits for
 * the next successful create, hits only its route for that contact, and is gone when the
 * promotion moves past its step or ends, reported as "did not fire" if it never hit.
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

/** Graph's GET /v1.0/me/mailFolders/{folder}/messages (suggestions read the Inbox). Another service: "*" does not hit it. */
export const GRAPH_MESSAGES_ROUTE = "graphMessages";

export type FaultTarget = AdminApiRouteName | ExchangeCmdlet | typeof GRAPH_MESSAGES_ROUTE;

export const FaultSpecSchema = z
  .object({
    /** An admin center route, an InvokeCommand cmdlet, Graph's messages, or "*" for every directory call. */
    route: z.enum([...routeNames, ...cmdletNames, GRAPH_MESSAGES_ROUTE, "*"]),
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
    /** Only within the next promotion, for the contact its create makes (an update route only). */
    promotion: z.boolean().optional(),
  })
  .refine((spec) => !spec.promotion || spec.route === "updateGeneral" || spec.route === "updateOptions", {
    message: "promotion faults target updateGeneral or updateOptions",
    path: ["route"],
  })
  .strict();

export type FaultSpec = z.input<typeof FaultSpecSchema>;
export type Fault = Omit<z.output<typeof FaultSpecSchema>, "times">;

/** What a request was about, for promotion faults: the contact an update targets, what a create made, what a search found. */
export interface RequestFacts {
  /** The ContactId in an update's body. */
  contactId?: string;
  /**
   * A create that succeeded: the new contact's id, whether its answer carried the contact, and
   * the fields its body set that create did not store (what the promotion's updates must set).
   */
  created?: { contactId: string; answeredWithContact: boolean; notStored: readonly string[] };
  /** The ContactIds a search returned. */
  found?: readonly string[];
}

/** A queued fault as the control surface lists it. */
export interface FaultState {
  route: string;
  remaining: number;
  /** Promotion faults: still waiting for the next create, or inside its promotion. */
  promotion?: "waiting-for-create" | "in-promotion";
}

/** What became of a promotion fault. */
export interface FaultReport {
  route: AdminApiRouteName;
  fired: boolean;
  /** Why it ended (for one that did not fire, why its step never came). */
  reason: "fired" | "step-skipped" | "promotion-ended" | "another-promotion" | "cleared";
}

const UPDATE_ORDER: Partial<Record<AdminApiRouteName, number>> = { updateGeneral: 1, updateOptions: 2 };

/** The fields each update sets; when create stored all of them, a promotion has no reason to send it. */
const UPDATE_FIELDS: Partial<Record<AdminApiRouteName, readonly string[]>> = {
  updateGeneral: [
    "ContactDisplayName",
    "ContactFirstName",
    "ContactLastName",
    "ContactCompany",
    "ContactTitle",
    "ContactPhone",
    "ContactMobilePhone",
    "ContactFax",
    "ContactWebPage",
  ],
  updateOptions: ["ContactMailTip", "ContactHiddenFromAddressListsEnabled"],
};

interface QueuedFault {
  fault: Fault;
  remaining: number;
  /** Promotion faults: the contact of the promotion once its create succeeded. */
  promotion?: {
    contactId: string | null;
    /** The create's answer had no contact, so the client's first search that finds it is the locate. */
    locatePending: boolean;
    fired: boolean;
  };
}

export class FaultQueue {
  private queue: QueuedFault[] = [];
  private reports: FaultReport[] = [];

  add(spec: z.output<typeof FaultSpecSchema>): void {
    const { times, ...fault } = spec;
    this.queue.push({
      fault,
      remaining: times,
      ...(fault.promotion ? { promotion: { contactId: null, locatePending: false, fired: false } } : {}),
    });
  }

  /** Takes the next fault for this route or cmdlet (or its admin center route), if any. */
  take(target: FaultTarget, facts: RequestFacts = {}): Fault | null {
    const alias = target in CMDLET_ROUTE ? CMDLET_ROUTE[target as ExchangeCmdlet] : null;
    const index = this.queue.findIndex((entry) => {
      const ownRoute = entry.fault.route === target || entry.fault.route === alias;
      if (entry.promotion) {
        return (
          ownRoute && entry.promotion.contactId !== null && entry.promotion.contactId === facts.contactId
        );
      }
      return ownRoute || (entry.fault.route === "*" && target !== GRAPH_MESSAGES_ROUTE);
    });
    if (index < 0) return null;
    const entry = this.queue[index] as QueuedFault;
    entry.remaining -= 1;
    if (entry.promotion) entry.promotion.fired = true;
    if (entry.remaining <= 0) this.end(entry, "fired");
    return entry.fault;
  }

  /** Moves promotion faults along with what a handled request did (after it was answered). */
  observe(route: AdminApiRouteName, facts: RequestFacts): void {
    for (const entry of [...this.queue]) {
      const promotion = entry.promotion;
      if (!promotion) continue;
      if (promotion.contactId === null) {
        if (route === "create" && facts.created) {
          promotion.contactId = facts.created.contactId;
          promotion.locatePending = !facts.created.answeredWithContact;
          const fields = UPDATE_FIELDS[entry.fault.route as AdminApiRouteName] ?? [];
          // Create stored everything this step sets: the promotion skips it, so the fault ends here.
          if (!fields.some((field) => facts.created?.notStored.includes(field)))
            this.end(entry, "step-skipped");
        }
        continue;
      }
      const ownUpdate = route === entry.fault.route && facts.contactId === promotion.contactId;
      if (promotion.fired && !ownUpdate) {
        // Its retries are over: what is left must not hit anything else.
        this.end(entry, "fired");
      } else if (route === "create") {
        this.end(entry, "another-promotion");
      } else if (route === "search") {
        const locating = promotion.locatePending && !promotion.fired;
        if (locating && facts.found?.includes(promotion.contactId)) promotion.locatePending = false;
        else if (!locating) this.end(entry, "promotion-ended");
      } else if (
        facts.contactId === promotion.contactId &&
        (UPDATE_ORDER[route] ?? 0) > (UPDATE_ORDER[entry.fault.route as AdminApiRouteName] ?? 0)
      ) {
        this.end(entry, "step-skipped");
      } else if (facts.contactId !== promotion.contactId) {
        this.end(entry, "promotion-ended");
      }
    }
  }

  /** Queued faults (promotion ones with their state) and what became of promotion faults so far. */
  describe(): { pending: FaultState[]; reports: FaultReport[] } {
    return {
      pending: this.queue.map((entry) => ({
        route: entry.fault.route,
        remaining: entry.remaining,
        ...(entry.promotion
          ? { promotion: entry.promotion.contactId === null ? "waiting-for-create" : "in-promotion" }
          : {}),
      })),
      reports: [...this.reports],
    };
  }

  clear(): void {
    for (const entry of [...this.queue]) if (entry.promotion) this.end(entry, "cleared");
    this.queue = [];
  }

  /** Forgets queued faults and reports alike (a reset of the emulator). */
  reset(): void {
    this.queue = [];
    this.reports = [];
  }

  get pending(): number {
    return this.queue.reduce((sum, entry) => sum + entry.remaining, 0);
  }

  private end(entry: QueuedFault, reason: FaultReport["reason"]): void {
    const index = this.queue.indexOf(entry);
    if (index < 0) return;
    this.queue.splice(index, 1);
    if (entry.promotion) {
      const fired = entry.promotion.fired;
      this.reports.push({
        route: entry.fault.route as AdminApiRouteName,
        fired,
        reason: fired ? "fired" : reason,
      });
    }
  }
}
