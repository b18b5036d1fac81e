import { InvalidArgumentError } from '@gemini-vision/core';

import {
  type EmulatorRoute,
  FAULT_KINDS,
  type FaultCondition,
  type FaultKind,
  type FaultRule,
  type FaultScript,
  type FaultSpec,
} from '../fault-script';
import { createSeededRandom, type SeededRandom } from './seeded-random';

/** What a request looks like to the fault planner. */
export interface FaultTarget {
  /** The route served. */
  readonly route: EmulatorRoute;
  /** HTTP method (`BATCH` for `batchItem`). */
  readonly method: string;
  /** URL path without the query. */
  readonly path: string;
  /** The model id without `models/`, when the route has one. */
  readonly model: string | undefined;
  /** The batch request key, for `batchItem`. */
  readonly batchKey: string | undefined;
}

/** Settings of the random faults. */
export interface RandomFaultSettings {
  /** Probability in [0, 1] that an eligible request gets a fault. */
  readonly rate: number;
  /** Kinds drawn from, uniformly. */
  readonly kinds: readonly FaultKind[];
  /** Routes eligible for random faults. */
  readonly routes: readonly EmulatorRoute[];
  /** PRNG seed. */
  readonly seed: number;
}

/** Decides, request by request, which fault (if any) to serve. */
export interface FaultPlanner {
  /** Appends rules to the script. */
  readonly addRules: (script: FaultScript) => void;
  /** The fault for this request, or `undefined`. Advances the rule counters and the PRNG. */
  readonly decide: (target: FaultTarget) => FaultSpec | undefined;
  /** Drops every scripted rule and restarts the PRNG from its seed. */
  readonly reset: () => void;
}

interface ActiveRule {
  readonly when: FaultCondition;
  readonly fault: FaultSpec;
  readonly first: number;
  readonly last: number;
  seen: number;
}

/** Creates a planner from an initial script and the random-fault settings. */
export function createFaultPlanner(script: FaultScript, settings: RandomFaultSettings): FaultPlanner {
  let rules: ActiveRule[] = [];
  let random: SeededRandom = createSeededRandom(settings.seed);

  const addRules = (added: FaultScript): void => {
    const given: unknown = added;
    if (!Array.isArray(given)) {
      throw new InvalidArgumentError({ argument: 'faults', expected: 'an array of fault rules', received: added });
    }
    added.forEach((rule, index) => rules.push(activate(rule, index)));
  };
  addRules(script);

  return {
    addRules,
    decide: (target) => {
      let chosen: FaultSpec | undefined;
      for (const rule of rules) {
        if (!matches(rule.when, target)) continue;
        rule.seen += 1;
        if (chosen === undefined && rule.seen >= rule.first && rule.seen <= rule.last) chosen = rule.fault;
      }
      rules = rules.filter((rule) => rule.seen < rule.last);
      if (chosen !== undefined) return chosen;
      if (settings.rate <= 0 || settings.kinds.length === 0 || !settings.routes.includes(target.route)) return undefined;
      if (random.next() >= settings.rate) return undefined;
      const kind = settings.kinds[random.integer(0, settings.kinds.length - 1)];
      return kind === undefined ? undefined : { kind };
    },
    reset: () => {
      rules = [];
      random = createSeededRandom(settings.seed);
    },
  };
}

function activate(rule: FaultRule, index: number): ActiveRule {
  const where = `faults[${index}]`;
  const given: unknown = rule;
  if (typeof given !== 'object' || given === null) {
    throw new InvalidArgumentError({ argument: where, expected: 'a fault rule `{ when?, fault, times? }`', received: rule });
  }
  const kindOrSpec: unknown = rule.fault;
  const fault: unknown = typeof kindOrSpec === 'string' ? { kind: kindOrSpec } : kindOrSpec;
  if (!isFaultSpec(fault)) {
    throw new InvalidArgumentError({
      argument: `${where}.fault`,
      expected: `one of ${FAULT_KINDS.map((kind) => `'${kind}'`).join(', ')} or \`{ kind, ... }\``,
      received: rule.fault,
    });
  }
  const when = rule.when ?? {};
  const nth = when.nth ?? 1;
  if (!Number.isInteger(nth) || nth < 1) {
    throw new InvalidArgumentError({ argument: `${where}.when.nth`, expected: 'an integer ≥ 1', received: nth });
  }
  const times = rule.times ?? 1;
  if (!(times === Infinity || (Number.isInteger(times) && times >= 1))) {
    throw new InvalidArgumentError({ argument: `${where}.times`, expected: 'an integer ≥ 1 or Infinity', received: times });
  }
  return { when, fault, first: nth, last: nth + times - 1, seen: 0 };
}

function isFaultSpec(value: unknown): value is FaultSpec {
  return typeof value === 'object' && value !== null && FAULT_KINDS.includes((value as { kind?: unknown }).kind as FaultKind);
}

function matches(when: FaultCondition, target: FaultTarget): boolean {
  if (when.route !== undefined) {
    const routes: readonly EmulatorRoute[] = typeof when.route === 'string' ? [when.route] : when.route;
    if (!routes.includes(target.route)) return false;
  }
  if (when.method !== undefined && when.method.toUpperCase() !== target.method) return false;
  if (when.path !== undefined) {
    if (typeof when.path !== 'string') when.path.lastIndex = 0; // a /g RegExp keeps state between tests
    if (typeof when.path === 'string' ? !target.path.includes(when.path) : !when.path.test(target.path)) return false;
  }
  if (when.model !== undefined && when.model.replace(/^models\//, '') !== target.model) return false;
  if (when.batchKey !== undefined && when.batchKey !== target.batchKey) return false;
  return true;
}
