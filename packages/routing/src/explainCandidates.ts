import type { InstantInput, Ticket } from "@supportkit/core";
import type { RoutingEventMap } from "./events";
import type { CandidateExplanations, Router } from "./routerTypes";
import type { WorkItemInput } from "./workItem";

/**
 * Explains where a work item would go and why: for every agent, the first failing check (its
 * {@link RejectionCode}) or, when eligible, its rank and ranking key; plus the item's relaxed requirements,
 * its queue score and what a dispatch would do (`strategy`, `sticky`, `waiting-for-previous-agent` or
 * `no-eligible-agent`). Uses the router's agents, loads, fair-limit history and round-robin cursor.
 *
 * @param router - a router from {@link createRouter}
 * @param ticket - a queued or assigned item id, a work item, or a core `Ticket`
 * @param now - the instant to explain at; default the router's last dispatch instant (else the item's creation)
 * @returns the explanation, eligible agents best first then rejected agents by id
 * @throws RoutingError (code `UNKNOWN_ITEM`) when an id names no queued or assigned item
 * @throws ValidationError (code `VALIDATION`) when the work item or `now` is invalid
 * @example
 * ```ts
 * const router = createRouter();
 * router.upsertAgent({ id: "a1", name: "Mia", languages: ["de"], capacity: { chat: 1 }, presence: "online" });
 * router.upsertAgent({ id: "a2", name: "Raj", languages: ["en"], capacity: { chat: 1 }, presence: "online" });
 * const why = explainCandidates(router, { id: "t1", channel: "chat", language: "de-CH", createdAt: 0 });
 * why.candidates.map((c) => (c.eligible ? `${c.agentId}#${c.rank}` : `${c.agentId}:${c.code}`)); //=> ["a1#1", "a2:language"]
 * ```
 */
export function explainCandidates<Events extends RoutingEventMap>(
  router: Router<Events>,
  ticket: string | WorkItemInput | Ticket,
  now?: InstantInput,
): CandidateExplanations {
  return router.explain(ticket, now);
}
