// Finds the agents of a new requirement class without checking every agent: indexes by skill and language,
// and a cache of the scans that classes differing only in channel or minimum levels share.
import { CHANNELS } from "@supportkit/core";
import { type AgentRec, byId } from "./records";
import { type Requirements, staticRejection } from "./state";

const CH = CHANNELS.length;

/** Agents passing a set of static checks except skill levels, with their levels and open channels. */
interface BaseSet {
  /** By id. */
  readonly agents: AgentRec[];
  /** Per required skill (in the requirements' order), each agent's level. */
  readonly levels: Float64Array[];
  /** Per agent and channel: 1 when the agent has capacity on that channel. */
  readonly open: Uint8Array;
}

/**
 * Agents by exact skill name and exact (lower-cased) language tag. `update` must see every agent added,
 * changed (removed with its old state, then added) or removed: those are the only events that change the
 * static checks, so they also clear the cache of scans.
 */
export class AgentIndex {
  private bySkill = new Map<string, Set<AgentRec>>();
  private byLanguage = new Map<string, Set<AgentRec>>();
  /**
   * Agents passing a class's group and language checks and having all its skills (at any level), by id,
   * keyed by those requirements: the classes that differ only in channel or minimum levels (ten per skill
   * and language in the benchmark) share one scan of the indexes.
   */
  private baseCache = new Map<string, BaseSet>();

  /** Adds `agent` to the indexes (`add`) or takes it out. */
  update(agent: AgentRec, add: boolean): void {
    if (this.baseCache.size > 0) this.baseCache = new Map();
    const put = (map: Map<string, Set<AgentRec>>, key: string) => {
      let set = map.get(key);
      if (set === undefined) {
        if (!add) return;
        set = new Set();
        map.set(key, set);
      }
      if (add) set.add(agent);
      else set.delete(agent);
    };
    for (const name of agent.skills.keys()) put(this.bySkill, name);
    for (const tag of agent.languages) put(this.byLanguage, tag);
  }

  clear(): void {
    this.bySkill = new Map();
    this.byLanguage = new Map();
    this.baseCache = new Map();
  }

  /** A class's members (the agents passing its static checks with capacity on its channel), by id. */
  membersOf(req: Requirements, agents: ReadonlyMap<string, AgentRec>): AgentRec[] {
    const base = this.baseMembers(req, agents);
    const channel = req.channel;
    const skills = req.skills;
    const out: AgentRec[] = [];
    next: for (let i = 0; i < base.agents.length; i++) {
      if (base.open[i * CH + channel] === 0) continue;
      for (let k = 0; k < skills.length; k++) {
        if (((base.levels[k] as Float64Array)[i] as number) < (skills[k] as readonly [string, number])[1])
          continue next;
      }
      out.push(base.agents[i] as AgentRec);
    }
    return out;
  }

  /** A superset of a class's members, sorted by id, with their levels and channels (see `baseCache`). */
  private baseMembers(req: Requirements, agents: ReadonlyMap<string, AgentRec>): BaseSet {
    let key = `${req.language ?? ""}|${req.groupId === undefined ? "" : JSON.stringify(req.groupId)}|`;
    for (const [name] of req.skills) key += `${JSON.stringify(name)},`;
    let base = this.baseCache.get(key);
    if (base === undefined) {
      const anyLevel: Requirements = {
        ...req,
        skills: req.skills.map(([name]) => [name, Number.NEGATIVE_INFINITY] as const),
      };
      const list = [...this.candidatesFor(req, agents)]
        .filter((agent) => staticRejection(agent, anyLevel) === null)
        .sort(byId);
      const levels = req.skills.map(([name]) =>
        Float64Array.from(list, (agent) => agent.skills.get(name) ?? 0),
      );
      const open = new Uint8Array(list.length * CH);
      list.forEach((agent, i) => {
        for (let c = 0; c < CH; c++) open[i * CH + c] = (agent.capacity[c] as number) > 0 ? 1 : 0;
      });
      base = { agents: list, levels, open };
      this.baseCache.set(key, base);
    }
    return base;
  }

  /** The smallest indexed superset of a class's members (all agents when nothing narrows it). */
  private candidatesFor(req: Requirements, agents: ReadonlyMap<string, AgentRec>): Iterable<AgentRec> {
    let best: Iterable<AgentRec> = agents.values();
    let bestSize = agents.size;
    for (const [name] of req.skills) {
      const set = this.bySkill.get(name);
      if (set === undefined) return [];
      if (set.size < bestSize) {
        best = set;
        bestSize = set.size;
      }
    }
    if (req.language !== undefined) {
      // An agent tag covers the item's language when it equals one of the language's subtag prefixes.
      const parts = req.language.split("-");
      const sets: Set<AgentRec>[] = [];
      let size = 0;
      for (let k = 1; k <= parts.length; k++) {
        const set = this.byLanguage.get(parts.slice(0, k).join("-"));
        if (set !== undefined) {
          sets.push(set);
          size += set.size;
        }
      }
      if (size < bestSize) {
        const union = new Set<AgentRec>();
        for (const set of sets) for (const agent of set) union.add(agent);
        best = union;
      }
    }
    return best;
  }
}
