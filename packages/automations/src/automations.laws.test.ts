import { fc, test } from "@fast-check/vitest";
import { applyEvent } from "@supportkit/core";
import { expect } from "vitest";
import { compileCondition } from "./_lib/compile";
import { perform } from "./_lib/perform";
import { rulesArb, updateArb } from "./_test/arbitraries";
import { deepFreeze } from "./_test/helpers";
import { automationStateToJSON, nextMatchAt, runAutomations } from "./automations";
import { explain } from "./explain";
import { returnWorkflow } from "./returnWorkflow";
import { runTriggers } from "./triggers";
import { advanceWorkflow, availableActions, replayWorkflow, startWorkflow } from "./workflow";

test.prop([rulesArb, updateArb])(
  "running triggers never mutates the rules, the ticket or the event",
  (rules, { ticket, event }) => {
    deepFreeze(rules);
    deepFreeze(ticket);
    deepFreeze(event);
    runTriggers(rules, ticket, event);
    runAutomations(rules, [applyEvent(ticket, event)], event.at);
  },
);

test.prop([rulesArb, updateArb])(
  "the same update gives the same events and commands",
  (rules, { ticket, event }) => {
    const first = runTriggers(rules, ticket, event);
    const second = runTriggers(structuredClone(rules), structuredClone(ticket), structuredClone(event));
    expect(second).toEqual(first);
  },
);

test.prop([rulesArb, updateArb])(
  "each trigger fires at most once per update, in an order that respects restarts",
  (rules, { ticket, event }) => {
    const { fired } = runTriggers(rules, ticket, event);
    expect(new Set(fired).size).toBe(fired.length);
  },
);

test.prop([rulesArb, updateArb])(
  "a trigger fires only if its condition held on the ticket it saw",
  (rules, { ticket, event }) => {
    // With one rule there is no earlier change, so the explanation on the updated ticket is the whole truth.
    for (const rule of rules) {
      const fired = runTriggers([rule], ticket, event).fired.length === 1;
      expect(fired).toBe(explain(rule, ticket, event).matched);
    }
  },
);

test.prop([rulesArb, updateArb, fc.integer({ min: 0, max: 10_000 })])(
  "an automation fires at most once per period: a second run at the same instant fires nothing",
  (rules, { ticket, event }, laterMinutes) => {
    const updated = applyEvent(ticket, event);
    const now = new Date(event.at.getTime() + laterMinutes * 60_000);
    for (const rule of rules) {
      const first = runAutomations([rule], [updated], now);
      const again = runAutomations([rule], first.tickets, now, { state: first.state });
      expect(again.fired).toEqual([]);
      expect(automationStateToJSON(again.state).fired.length).toBeLessThanOrEqual(1);
    }
  },
);

test.prop([rulesArb, updateArb, fc.integer({ min: 0, max: 10_000 })])(
  "nextMatchAt is exact for calendar-time rules: matched then, not before",
  (rules, { ticket, event }, laterMinutes) => {
    const updated = applyEvent(ticket, event);
    const now = new Date(event.at.getTime() + laterMinutes * 60_000);
    for (const rule of rules) {
      const next = nextMatchAt(rule, updated, now);
      if (next === null) continue;
      expect(explain(rule, updated, undefined, { now: next }).matched).toBe(true);
      if (next.getTime() > now.getTime()) {
        expect(explain(rule, updated, undefined, { now }).matched).toBe(false);
        expect(explain(rule, updated, undefined, { now: next.getTime() - 1 }).matched).toBe(false);
      }
    }
  },
);

test.prop([
  fc.array(fc.nat(), { maxLength: 12 }),
  fc.array(fc.integer({ min: 0, max: 100_000_000 }), { minLength: 12, maxLength: 12 }),
])("a workflow instance replayed from its audit log equals the live one", (choices, gaps) => {
  let time = Date.UTC(2026, 2, 2, 9);
  let instance = startWorkflow(returnWorkflow, {
    id: "rma",
    at: time,
    actor: { role: "customer" },
    locale: "es-MX",
  }).instance;
  choices.forEach((choice, index) => {
    const options = availableActions(returnWorkflow, instance);
    const option = options[choice % Math.max(options.length, 1)];
    if (!option) return;
    time += gaps[index] ?? 0;
    instance = advanceWorkflow(returnWorkflow, instance, {
      action: option.action,
      actor: { role: option.roles[0] as string },
      at: time,
      data: { refund_amount: 10 + index },
    }).instance;
  });
  expect(replayWorkflow(returnWorkflow, { id: "rma", locale: "es-MX" }, instance.history)).toEqual(instance);
});

test.prop([rulesArb, updateArb])(
  "runTriggers fires what a naive restart-from-the-top engine fires",
  (rules, { ticket, event }) => {
    // The oracle: after every firing, re-evaluate every unfired rule from the top, with no indexes.
    let current = applyEvent(ticket, event);
    const fired: string[] = [];
    const compiled = rules
      .filter((rule) => rule.enabled)
      .map((rule) => ({ rule, condition: compileCondition(rule.when) }));
    let restart = true;
    while (restart) {
      restart = false;
      for (const { rule, condition } of compiled) {
        if (fired.includes(rule.id)) continue;
        if (
          !condition.test({
            ticket: current,
            before: ticket,
            event,
            now: event.at.getTime(),
            clock: undefined,
          })
        )
          continue;
        fired.push(rule.id);
        const done = perform(rule, current, event.at, event.id, undefined);
        current = done.ticket;
        if (done.events.length > 0) {
          restart = true;
          break;
        }
      }
    }
    const result = runTriggers(rules, ticket, event);
    expect(result.fired).toEqual(fired);
    expect(result.ticket).toEqual(current);
  },
);
