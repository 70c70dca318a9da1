import { z } from "zod";
import { idField, instantField, localeField, timeZoneField } from "./_lib/fields";
import { CHANNELS, PresenceSchema } from "./enums";

/**
 * Schema of one agent skill: a name and a level from 1 (novice) to 10 (expert).
 *
 * @example
 * ```ts
 * AgentSkillSchema.parse({ name: "refunds", level: 7 }).level; //=> 7
 * ```
 */
export const AgentSkillSchema = z.strictObject({
  name: z.string().min(1).max(128),
  level: z.number().int("must be a whole number").min(1).max(10),
});

/**
 * One skill an agent has, with its level 1–10.
 *
 * @example
 * ```ts
 * const skill: AgentSkill = { name: "payments", level: 5 };
 * ```
 */
export type AgentSkill = z.output<typeof AgentSkillSchema>;

const capacityShape = Object.fromEntries(
  CHANNELS.map((channel) => [channel, z.number().int("must be a whole number").nonnegative().optional()]),
) as { [K in (typeof CHANNELS)[number]]: z.ZodOptional<z.ZodNumber> };

/**
 * Schema of an agent's capacity: how many conversations at once per channel. A channel not listed means 0.
 *
 * @example
 * ```ts
 * AgentCapacitySchema.parse({ chat: 3, email: 10 }).chat; //=> 3
 * ```
 */
export const AgentCapacitySchema = z.strictObject(capacityShape);

/**
 * How many conversations an agent can hold at once on each channel; a missing channel means 0.
 *
 * @example
 * ```ts
 * const capacity: AgentCapacity = { chat: 3, email: 10 };
 * ```
 */
export type AgentCapacity = z.output<typeof AgentCapacitySchema>;

/**
 * Schema of an agent.
 *
 * @example
 * ```ts
 * const agent = AgentSchema.parse({
 *   id: "a1", name: "Mia", skills: [{ name: "refunds", level: 7 }], languages: ["de", "en"],
 *   capacity: { email: 8, chat: 2 }, presence: "online", timeZone: "Europe/Berlin",
 * });
 * agent.languages; //=> ["de", "en"]
 * ```
 */
export const AgentSchema = z
  .strictObject({
    id: idField,
    name: z.string().min(1).max(512),
    /** Skills with levels 1–10; a skill name appears once. */
    skills: z.array(AgentSkillSchema).max(512).default([]),
    /** BCP 47 tags the agent writes; `es` covers `es-MX`. */
    languages: z.array(localeField).max(64).default([]),
    /** Concurrent conversations per channel; a channel not listed means 0. */
    capacity: AgentCapacitySchema.default({}),
    presence: PresenceSchema.default("offline"),
    /** IANA zone the agent works in. */
    timeZone: timeZoneField.optional(),
    /** Groups (teams) the agent belongs to. */
    groups: z.array(idField).max(256).default([]),
    /** When the agent was last given work; longest-idle routing reads it. */
    lastAssignedAt: instantField.optional(),
  })
  .superRefine((agent, ctx) => {
    const seen = new Set<string>();
    agent.skills.forEach((skill, index) => {
      if (seen.has(skill.name)) {
        ctx.addIssue({
          code: "custom",
          path: ["skills", index, "name"],
          message: `skill "${skill.name}" is listed twice`,
        });
      }
      seen.add(skill.name);
    });
  });

/**
 * An agent, as parsed by {@link AgentSchema}.
 *
 * @example
 * ```ts
 * const agent: Agent = parseAgent({ id: "a1", name: "Mia", capacity: { chat: 2 }, presence: "online" });
 * ```
 */
export type Agent = z.output<typeof AgentSchema>;
