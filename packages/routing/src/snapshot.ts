import { createParser } from "@supportkit/core";
import { z } from "zod";
import { idField, instantField } from "./_lib/fields";
import { type RoutingAgentInput, RoutingAgentSchema } from "./agent";
import { WorkItemFieldsSchema, type WorkItemInput } from "./workItem";

/**
 * Schema of a router snapshot, as `router.snapshot()` writes it and `router.restore()` reads it.
 *
 * @example
 * ```ts
 * RouterSnapshotSchema.parse(JSON.parse(JSON.stringify(router.snapshot()))).version; //=> 1
 * ```
 */
export const RouterSnapshotSchema = z.strictObject({
  version: z.literal(1),
  /** The last dispatch instant, `null` before the first. */
  at: instantField.nullable(),
  /** Id of the agent that got the last round-robin item, `null` before the first. */
  roundRobinCursor: idField.nullable(),
  agents: z.array(
    z.strictObject({
      /** The agent with its shift by name and its last assignment instant. */
      agent: RoutingAgentSchema,
      /** Assignment instants still inside the fair-limit window. */
      recent: z.array(instantField),
    }),
  ),
  /** Queued items in queue order. */
  queue: z.array(WorkItemFieldsSchema),
  /** Items held by agents, by item id. */
  assignments: z.array(z.strictObject({ item: WorkItemFieldsSchema, agentId: idField, at: instantField })),
});

/**
 * A queued or assigned work item in a snapshot: instants as ISO strings.
 *
 * @example
 * ```ts
 * const row: SnapshotItem = { id: "t1", channel: "chat", createdAt: "2026-03-02T08:00:00.000Z" };
 * ```
 */
export type SnapshotItem = WorkItemInput & { createdAt: string };

/**
 * An agent in a snapshot: the agent (shift by name, instants as ISO strings) and its recent assignments.
 *
 * @example
 * ```ts
 * const row: SnapshotAgent = { agent: { id: "a1", name: "Mia" }, recent: [] };
 * ```
 */
export interface SnapshotAgent {
  readonly agent: RoutingAgentInput;
  readonly recent: readonly string[];
}

/**
 * A router's whole state as JSON-safe data: agents (with routed history), the queue, the assignments and
 * the round-robin cursor. `JSON.stringify` it to persist; `router.restore()` takes it back.
 *
 * @example
 * ```ts
 * const saved: RouterSnapshot = router.snapshot();
 * other.restore(JSON.parse(JSON.stringify(saved)));
 * ```
 */
export interface RouterSnapshot {
  readonly version: 1;
  readonly at: string | null;
  readonly roundRobinCursor: string | null;
  readonly agents: readonly SnapshotAgent[];
  readonly queue: readonly SnapshotItem[];
  readonly assignments: readonly {
    readonly item: SnapshotItem;
    readonly agentId: string;
    readonly at: string;
  }[];
}

/** Parses a snapshot; the router's `restore` calls it. */
export const parseRouterSnapshot: (input: unknown) => z.output<typeof RouterSnapshotSchema> = createParser(
  RouterSnapshotSchema,
  "router snapshot",
);
