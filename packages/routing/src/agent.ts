import { AgentSchema, BusinessClockSchema, CHANNELS, type Channel, createParser } from "@supportkit/core";
import { z } from "zod";

const loadShape = Object.fromEntries(
  CHANNELS.map((channel) => [channel, z.number().int("must be a whole number").nonnegative().optional()]),
) as { [K in Channel]: z.ZodOptional<z.ZodNumber> };

/**
 * Schema of an agent as routing sees it: core's `AgentSchema` (skills, languages, per-channel capacity,
 * presence, time zone, groups, `lastAssignedAt`) plus a shift, the load held outside the router and an
 * optional total of capacity units.
 *
 * @example
 * ```ts
 * const agent = RoutingAgentSchema.parse({
 *   id: "a1", name: "Mia", skills: [{ name: "refunds", level: 7 }], languages: ["de"],
 *   capacity: { email: 8, chat: 2 }, presence: "online", shift: "berlin-day", unitCapacity: 10,
 * });
 * agent.load; //=> {}
 * ```
 */
export const RoutingAgentSchema = AgentSchema.safeExtend({
  /**
   * When the agent works: a core `BusinessClock`, or the name of one in the router's `shifts` option
   * (names survive `snapshot()`). No shift means always available while online.
   */
  shift: z.union([z.string().min(1).max(256), BusinessClockSchema]).optional(),
  /** Conversations per channel the agent already holds outside this router; counts against capacity. */
  load: z.strictObject(loadShape).default({}),
  /**
   * Total capacity units across channels (Salesforce-style weighted capacity). Each item costs the
   * router's `channelUnits[channel]` units (default 1). Omitted: only per-channel capacity applies.
   */
  unitCapacity: z.number().nonnegative().max(1e9).optional(),
});

/**
 * An agent as routing sees it, parsed by {@link RoutingAgentSchema}.
 *
 * @example
 * ```ts
 * const agent: RoutingAgent = parseRoutingAgent({ id: "a1", name: "Mia", capacity: { chat: 2 }, presence: "online" });
 * agent.load; //=> {}
 * ```
 */
export type RoutingAgent = z.output<typeof RoutingAgentSchema>;

/**
 * What callers may pass for a {@link RoutingAgent}: instants as `Date`, epoch ms or ISO strings, defaults omitted.
 *
 * @example
 * ```ts
 * const input: RoutingAgentInput = { id: "a1", name: "Mia", languages: ["en"], capacity: { email: 5 }, presence: "online" };
 * ```
 */
export type RoutingAgentInput = z.input<typeof RoutingAgentSchema>;

/**
 * Parses untrusted input into a {@link RoutingAgent}.
 *
 * @param input - anything
 * @returns the agent, with defaults (no skills, offline, zero capacity, no load) filled in
 * @throws ValidationError (code `VALIDATION`) naming each failing field
 * @example
 * ```ts
 * parseRoutingAgent({ id: "a1", name: "Mia" }).presence; //=> "offline"
 * ```
 */
export const parseRoutingAgent: (input: unknown) => RoutingAgent = createParser(
  RoutingAgentSchema,
  "routing agent",
);
